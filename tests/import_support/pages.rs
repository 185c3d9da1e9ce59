//! Web pages the link tests serve (invented outlet, people and events).

/// A news story with navigation and a footer around the article.
pub const STORY: &str = r#"<!DOCTYPE html>
<html><head><title>Harbour Ferry Fares to Rise 12 Percent | The Coastal Ledger</title>
<link rel="canonical" href="https://ledger.example/2026/ferry-fares">
<meta property="og:site_name" content="The Coastal Ledger"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour Ferry Fares to Rise 12 Percent</h1>
<p class="byline">By Mirela Tandy</p>
<p>Ferry fares across the harbour will rise by 12 percent in March, the Port Authority said on Tuesday, the first increase since 2019.</p>
<p>"Fuel alone costs us 40 percent more than two years ago," said Oskar Lindqvist, the authority's finance director.</p>
<p>Commuters who cross daily will pay about 190 euros more a year, according to the Harbour Riders Association.</p>
</article><footer>Subscribe today</footer></body></html>"#;
