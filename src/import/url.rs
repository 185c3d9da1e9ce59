//! Links: fetching a story from the web, then reading it like a saved file.
//!
//! [`fetch`] asks for one page with a blocking client (ureq, TLS by rustls): http and
//! https only, a clear `User-Agent`, a time limit for the whole exchange and one for
//! connecting, at most [`FetchOptions::max_redirects`] redirects (each one recorded), and
//! a size cap past which the download is abandoned. What the server sent decides the
//! format: a web page goes through the same Readability path as a saved `.html` file; a
//! PDF or Word document through those importers. [`import_url`] records the link, the
//! final address, the time and a hash of the bytes in [`Article::fetched`], so a report
//! says exactly which version was checked.
//!
//! [`Article::fetched`]: crate::model::Article::fetched

use std::io;
use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;
use sha2::{Digest, Sha256};

use super::{Format, ImportError, Imported, import_labeled};
use crate::model::Fetched;

/// What claimdesk says it is to the servers it asks.
pub const USER_AGENT: &str = concat!(
    "claimdesk/",
    env!("CARGO_PKG_VERSION"),
    " (fact-check workbench; fetches one page when a user opens a link)"
);

/// Limits for one fetch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchOptions {
    /// The whole exchange, redirects and download included.
    pub timeout: Duration,
    /// Connecting to the server (TCP and TLS).
    pub connect_timeout: Duration,
    /// The largest body accepted, in bytes.
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    /// 30 s in all, 10 s to connect, 20 MB, 10 redirects: a news page is rarely past a
    /// few megabytes; a government report as PDF can reach ten or so.
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 10,
        }
    }
}

/// Why a link could not be fetched. Displays as one line naming the link.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a web link (claimdesk opens http:// and https:// links)")]
    NotWeb { url: String },
    #[error("{url}: not a valid web address ({reason})")]
    BadUrl { url: String, reason: String },
    #[error(
        "{url}: cannot find the server {host} (DNS lookup failed; check the address and the network)"
    )]
    Dns { url: String, host: String },
    #[error("{url}: no network connection ({source})")]
    NoNetwork {
        url: String,
        #[source]
        source: io::Error,
    },
    #[error("{url}: the server refused the connection")]
    Refused { url: String },
    #[error("{url}: the server answered {status}")]
    Status { url: String, status: String },
    #[error(
        "{url}: not a web page (the server sent {content_type}); claimdesk opens HTML pages, PDF and Word documents"
    )]
    NotHtml { url: String, content_type: String },
    #[error("{url}: refused: the download is larger than {limit_mb} MB")]
    TooLarge { url: String, limit_mb: u64 },
    #[error("{url}: too slow: no complete answer within {seconds} s")]
    TooSlow { url: String, seconds: u64 },
    #[error("{url}: more than {max} redirects; giving up")]
    TooManyRedirects { url: String, max: u32 },
    #[error("{url}: the secure connection failed ({detail})")]
    Tls { url: String, detail: String },
    #[error("{url}: the server's answer is broken ({detail})")]
    Broken { url: String, detail: String },
}

/// What a fetch brought back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub bytes: Vec<u8>,
    /// The format the server's `Content-Type` (or, without one, the bytes) names.
    pub format: Format,
    pub fetched: Fetched,
}

/// Fetches a link and imports what it points to.
///
/// The article's `url` is the page's canonical address when it declares one, else the
/// final address; its `title` falls back to the last part of the address.
pub fn import_url(url: &str, options: &FetchOptions) -> Result<Imported, ImportError> {
    import_download(fetch(url, options)?)
}

/// Imports what a fetch brought back (the part of [`import_url`] after the network; the
/// fuzz target for fetched bodies starts here).
pub fn import_download(download: Download) -> Result<Imported, ImportError> {
    let label = Path::new(download.fetched.final_url.as_str());
    let mut imported = import_labeled(&download.bytes, download.format, Some(label), None)?;
    let article = &mut imported.article;
    if article.url.is_none() {
        article.url = Some(download.fetched.final_url.clone());
    }
    if article.title.is_empty() {
        article.title = title_from_url(&download.fetched.final_url);
    }
    article.fetched = Some(download.fetched);
    Ok(imported)
}

/// Whether a string is a link claimdesk would fetch (for telling a pasted link from
/// pasted text).
pub fn looks_like_link(text: &str) -> bool {
    let t = text.trim();
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !t.contains(char::is_whitespace)
}

/// Fetches one page.
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Download, FetchError> {
    let url = url.trim();
    let owned = || url.to_owned();
    if !looks_like_link(url) {
        return Err(FetchError::NotWeb { url: owned() });
    }
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .timeout_connect(Some(options.connect_timeout))
        .max_redirects(options.max_redirects)
        .max_redirects_will_error(true)
        .save_redirect_history(true)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .build();
    let agent: ureq::Agent = config.into();
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5",
        )
        .call()
        .map_err(|e| fetch_error(url, e, options))?;
    let status = response.status();
    if !status.is_success() {
        let shown = match status.canonical_reason() {
            Some(reason) => format!("{} {reason}", status.as_u16()),
            None => status.as_u16().to_string(),
        };
        return Err(FetchError::Status {
            url: owned(),
            status: shown,
        });
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let redirects: Vec<String> = ureq::ResponseExt::get_redirect_history(&response)
        .map(|history| history.iter().skip(1).map(ToString::to_string).collect())
        .unwrap_or_default();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    let format = format_for(content_type.as_deref(), None, &final_url);
    // A declared type that is not a document is refused before the body is read.
    if let Some(ct) = &content_type
        && format.is_none()
        && !is_generic(ct)
    {
        return Err(FetchError::NotHtml {
            url: owned(),
            content_type: ct.clone(),
        });
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(|e| fetch_error(url, e, options))?;
    let format = match format {
        Some(format) => format,
        None => format_for(None, Some(&bytes), &final_url).ok_or_else(|| FetchError::NotHtml {
            url: owned(),
            content_type: content_type
                .clone()
                .unwrap_or_else(|| "no Content-Type and no recognisable document".to_owned()),
        })?,
    };
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        });
    let fetched = Fetched {
        url: owned(),
        final_url,
        redirects,
        fetched_at: Timestamp::now(),
        content_type,
        sha256,
        bytes: bytes.len() as u64,
    };
    Ok(Download {
        bytes,
        format,
        fetched,
    })
}

/// The format [`fetch`] reads a body as: the one its `Content-Type` names (`None` for a
/// declared type that is no document), else the one its bytes look like, else a text or
/// Markdown file's extension in the address.
pub fn body_format(content_type: Option<&str>, bytes: &[u8], url: &str) -> Option<Format> {
    format_for(content_type, Some(bytes), url)
}

/// A type that says nothing about the content.
fn is_generic(content_type: &str) -> bool {
    let essence = essence(content_type);
    essence == "application/octet-stream" || essence == "binary/octet-stream"
}

fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The format a `Content-Type` names, or (without one) that the bytes look like.
fn format_for(content_type: Option<&str>, bytes: Option<&[u8]>, url: &str) -> Option<Format> {
    if let Some(ct) = content_type.filter(|ct| !is_generic(ct)) {
        return match essence(ct).as_str() {
            "text/html" | "application/xhtml+xml" => Some(Format::Html),
            "application/pdf" | "application/x-pdf" => Some(Format::Pdf),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                Some(Format::Docx)
            }
            "text/plain" => Some(Format::Text),
            "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
            _ => None,
        };
    }
    let bytes = bytes?;
    if bytes.starts_with(b"%PDF-") {
        return Some(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(Format::Docx);
    }
    let head = String::from_utf8_lossy(bytes.get(..2048).unwrap_or(bytes)).to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") {
        return Some(Format::Html);
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    Format::from_path(Path::new(path)).filter(|f| matches!(f, Format::Text | Format::Markdown))
}

/// The last non-empty part of an address's path, or its host.
fn title_from_url(url: &str) -> String {
    let without_query = url.split(['?', '#']).next().unwrap_or_default();
    let after_scheme = without_query
        .split_once("://")
        .map_or(without_query, |(_, rest)| rest);
    let mut parts = after_scheme.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or_default();
    parts
        .next_back()
        .map_or_else(|| host.to_owned(), |last| last.replace(['-', '_'], " "))
}

fn host_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// One line for what went wrong.
fn fetch_error(url: &str, err: ureq::Error, options: &FetchOptions) -> FetchError {
    let url_owned = url.to_owned();
    match err {
        ureq::Error::StatusCode(code) => FetchError::Status {
            url: url_owned,
            status: code.to_string(),
        },
        ureq::Error::BadUri(reason) => FetchError::BadUrl {
            url: url_owned,
            reason,
        },
        ureq::Error::HostNotFound => FetchError::Dns {
            url: url_owned,
            host: host_of(url),
        },
        ureq::Error::Timeout(_) => FetchError::TooSlow {
            url: url_owned,
            seconds: options.timeout.as_secs().max(1),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url: url_owned,
            limit_mb: (options.max_bytes / (1024 * 1024)).max(1),
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url: url_owned,
            max: options.max_redirects,
        },
        ureq::Error::Io(source) => io_error(url_owned, url, source, options),
        ureq::Error::ConnectionFailed => FetchError::Refused { url: url_owned },
        ureq::Error::Tls(detail) => FetchError::Tls {
            url: url_owned,
            detail: detail.to_owned(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url: url_owned,
            detail: e.to_string(),
        },
        ureq::Error::RedirectFailed => FetchError::Broken {
            url: url_owned,
            detail: "a redirect pointed to an address that cannot be followed".to_owned(),
        },
        other => FetchError::Broken {
            url: url_owned,
            detail: one_line(&other.to_string()),
        },
    }
}

fn io_error(url_owned: String, url: &str, source: io::Error, options: &FetchOptions) -> FetchError {
    use io::ErrorKind as K;
    match source.kind() {
        K::ConnectionRefused => FetchError::Refused { url: url_owned },
        K::TimedOut | K::WouldBlock => FetchError::TooSlow {
            url: url_owned,
            seconds: options.timeout.as_secs().max(1),
        },
        K::NetworkUnreachable | K::NetworkDown | K::HostUnreachable | K::AddrNotAvailable => {
            FetchError::NoNetwork {
                url: url_owned,
                source,
            }
        }
        K::ConnectionReset | K::ConnectionAborted | K::UnexpectedEof | K::BrokenPipe => {
            FetchError::Broken {
                url: url_owned,
                detail: "the connection closed before the answer was complete".to_owned(),
            }
        }
        _ if looks_like_dns(&source) => FetchError::Dns {
            url: url_owned,
            host: host_of(url),
        },
        _ => FetchError::Broken {
            url: url_owned,
            detail: one_line(&source.to_string()),
        },
    }
}

/// The standard resolver reports lookup failures as plain I/O errors.
fn looks_like_dns(err: &io::Error) -> bool {
    let text = err.to_string().to_ascii_lowercase();
    text.contains("lookup")
        || text.contains("name or service not known")
        || text.contains("nodename nor servname")
        || text.contains("temporary failure in name resolution")
        || text.contains("no such host")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_links_are_fetched() {
        for url in [
            "file:///etc/passwd",
            "ftp://example.org/a",
            "javascript:alert(1)",
            "example.org",
        ] {
            let err = fetch(url, &FetchOptions::default());
            assert!(
                matches!(err, Err(FetchError::NotWeb { .. })),
                "{url}: {err:?}"
            );
        }
        let message = fetch("ftp://x/y", &FetchOptions::default())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some("ftp://x/y: not a web link (claimdesk opens http:// and https:// links)")
        );
    }

    #[test]
    fn links_are_told_from_text() {
        assert!(looks_like_link(" https://news.example/story-1 "));
        assert!(looks_like_link("HTTP://news.example"));
        assert!(!looks_like_link("https://a b"));
        assert!(!looks_like_link("The council voted."));
    }

    #[test]
    fn content_types_pick_the_importer() {
        let f = |ct: &str| format_for(Some(ct), None, "https://x/y");
        assert_eq!(f("text/html; charset=utf-8"), Some(Format::Html));
        assert_eq!(f("Application/XHTML+XML"), Some(Format::Html));
        assert_eq!(f("application/pdf"), Some(Format::Pdf));
        assert_eq!(
            f("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Some(Format::Docx)
        );
        assert_eq!(f("image/png"), None);
        assert_eq!(f("application/json"), None);
    }

    #[test]
    fn untyped_bodies_are_sniffed() {
        let f = |bytes: &[u8], url: &str| format_for(None, Some(bytes), url);
        assert_eq!(f(b"%PDF-1.7\n", "https://x/r"), Some(Format::Pdf));
        assert_eq!(f(b"<!DOCTYPE html><p>x", "https://x/r"), Some(Format::Html));
        assert_eq!(f(b"plain words", "https://x/notes.txt"), Some(Format::Text));
        assert_eq!(f(b"\x89PNG", "https://x/img"), None);
    }

    #[test]
    fn titles_and_hosts_come_from_the_address() {
        assert_eq!(
            title_from_url("https://news.example/2026/ferry-fares-rise?x=1"),
            "ferry fares rise"
        );
        assert_eq!(title_from_url("https://news.example/"), "news.example");
        assert_eq!(
            host_of("https://user@news.example:8080/a"),
            "news.example:8080"
        );
    }
}
