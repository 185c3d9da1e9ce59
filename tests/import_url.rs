//! Opening a link: fetched from a server the test starts on 127.0.0.1.

mod import_support;

use std::time::Duration;

use claimdesk::import::{FetchError, FetchOptions, ImportError, USER_AGENT, import_url};
use import_support::TestResult;
use import_support::pages::STORY;
use import_support::server::{self, Reply};

fn page(body: &str) -> Reply {
    Reply::Page {
        content_type: Some("text/html; charset=utf-8"),
        body: body.as_bytes().to_vec(),
    }
}

fn quick() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_millis(800),
        connect_timeout: Duration::from_millis(800),
        ..FetchOptions::default()
    }
}

fn fetch_error(result: Result<claimdesk::import::Imported, ImportError>) -> FetchError {
    match result {
        Err(ImportError::Fetch(e)) => e,
        Err(other) => panic!("not a fetch error: {other}"),
        Ok(imported) => panic!("imported {:?}", imported.article.title),
    }
}

#[test]
fn a_page_is_fetched_read_and_its_version_recorded() -> TestResult {
    let server = server::start(|path| match path {
        "/story" => page(STORY),
        _ => Reply::Status(404),
    });
    let before = jiff::Timestamp::now();
    let imported = import_url(&server.url("/story"), &FetchOptions::default())?;
    let article = &imported.article;
    assert_eq!(article.title, "Harbour Ferry Fares to Rise 12 Percent");
    assert_eq!(article.byline.as_deref(), Some("Mirela Tandy"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://ledger.example/2026/ferry-fares")
    );
    assert!(article.text.contains("Oskar Lindqvist"), "{}", article.text);
    assert!(!article.text.contains("Subscribe"), "{}", article.text);
    assert!(article.path.is_none());
    let fetched = article.fetched.as_ref().ok_or("no fetch record")?;
    assert_eq!(fetched.url, server.url("/story"));
    assert_eq!(fetched.final_url, server.url("/story"));
    assert!(fetched.redirects.is_empty());
    assert_eq!(fetched.bytes, STORY.len() as u64);
    assert_eq!(fetched.sha256, claimdesk::model::sha256_hex(STORY));
    assert_eq!(
        fetched.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert!(fetched.fetched_at >= before);
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].user_agent.as_deref(), Some(USER_AGENT));
    assert!(USER_AGENT.starts_with("claimdesk/"));
    Ok(())
}

#[test]
fn redirects_are_followed_and_recorded() -> TestResult {
    let server = server::start(|path| match path {
        "/short" => Reply::Redirect("/2026/ferry".to_owned()),
        "/2026/ferry" => Reply::Redirect("/2026/ferry-fares".to_owned()),
        "/2026/ferry-fares" => page(STORY),
        _ => Reply::Status(404),
    });
    let imported = import_url(&server.url("/short"), &FetchOptions::default())?;
    let fetched = imported.article.fetched.as_ref().ok_or("no fetch record")?;
    assert_eq!(fetched.url, server.url("/short"));
    assert_eq!(fetched.final_url, server.url("/2026/ferry-fares"));
    assert_eq!(
        fetched.redirects,
        [server.url("/2026/ferry"), server.url("/2026/ferry-fares")]
    );
    Ok(())
}

#[test]
fn a_redirect_loop_stops_with_one_line() {
    let server = server::start(|_| Reply::Redirect("/again".to_owned()));
    let options = FetchOptions {
        max_redirects: 3,
        ..FetchOptions::default()
    };
    let err = fetch_error(import_url(&server.url("/loop"), &options));
    assert_eq!(
        err.to_string(),
        format!("{}: more than 3 redirects; giving up", server.url("/loop"))
    );
}

#[test]
fn status_errors_name_the_status() {
    let server = server::start(|path| match path {
        "/gone" => Reply::Status(404),
        _ => Reply::Status(503),
    });
    let err = fetch_error(import_url(&server.url("/gone"), &quick()));
    assert_eq!(
        err.to_string(),
        format!("{}: the server answered 404 Not Found", server.url("/gone"))
    );
    let err = fetch_error(import_url(&server.url("/busy"), &quick()));
    assert!(
        err.to_string()
            .ends_with("the server answered 503 Service Unavailable"),
        "{err}"
    );
}

#[test]
fn non_documents_are_refused_as_not_html() {
    let server = server::start(|_| Reply::Page {
        content_type: Some("image/png"),
        body: b"\x89PNG\r\n".to_vec(),
    });
    let err = fetch_error(import_url(&server.url("/photo"), &quick()));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: not a web page (the server sent image/png); claimdesk opens HTML pages, PDF and Word documents",
            server.url("/photo")
        )
    );
}

#[test]
fn an_untyped_page_is_recognised_by_its_bytes() -> TestResult {
    let server = server::start(|_| Reply::Page {
        content_type: None,
        body: STORY.as_bytes().to_vec(),
    });
    let imported = import_url(&server.url("/x"), &quick())?;
    assert_eq!(
        imported.article.title,
        "Harbour Ferry Fares to Rise 12 Percent"
    );
    Ok(())
}

#[test]
fn a_50_mb_download_is_refused_by_the_default_cap() {
    let server = server::start(|_| Reply::Huge(50 * 1024 * 1024));
    let err = fetch_error(import_url(&server.url("/huge"), &FetchOptions::default()));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: refused: the download is larger than 20 MB",
            server.url("/huge")
        )
    );
}

#[test]
fn a_slow_server_times_out() {
    let server = server::start(|_| Reply::Slow(Duration::from_secs(5)));
    let err = fetch_error(import_url(&server.url("/slow"), &quick()));
    assert!(matches!(err, FetchError::TooSlow { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: too slow: no complete answer within 1 s",
            server.url("/slow")
        )
    );
}

#[test]
fn a_broken_answer_is_one_line() {
    let server = server::start(|_| Reply::Broken);
    let err = fetch_error(import_url(&server.url("/broken"), &quick()));
    let message = err.to_string();
    assert!(message.starts_with(&server.url("/broken")), "{message}");
    assert!(!message.contains('\n'), "{message}");
    assert!(matches!(err, FetchError::Broken { .. }), "{err:?}");
}

#[test]
fn a_closed_port_is_a_refused_connection() {
    // Bind, note the port, close: nothing listens there any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_or(9, |a| a.port());
    let url = format!("http://127.0.0.1:{port}/story");
    let err = fetch_error(import_url(&url, &quick()));
    assert_eq!(
        err.to_string(),
        format!("{url}: the server refused the connection")
    );
}

#[test]
fn an_unknown_host_is_a_dns_failure() {
    // `.invalid` names never resolve (RFC 2606).
    let url = "http://claimdesk-test.invalid/story";
    let err = fetch_error(import_url(url, &quick()));
    assert!(matches!(err, FetchError::Dns { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "http://claimdesk-test.invalid/story: cannot find the server claimdesk-test.invalid (DNS lookup failed; check the address and the network)"
    );
}

#[test]
fn a_pdf_link_goes_to_the_pdf_importer() -> TestResult {
    let pdf = import_support::pdf::simple(
        "Harbour Authority Annual Report",
        &["The authority carried 4.2 million passengers in 2025, up 6 percent."],
    );
    let server = server::start(move |_| Reply::Page {
        content_type: Some("application/pdf"),
        body: pdf.clone(),
    });
    let imported = import_url(&server.url("/report.pdf"), &quick())?;
    assert!(imported.article.text.contains("4.2 million passengers"));
    assert_eq!(imported.article.page_at(0), Some(1));
    Ok(())
}

#[test]
fn the_cli_extracts_from_a_link_and_saves_the_fetch_record() -> TestResult {
    let server = server::start(|path| match path {
        "/s" => Reply::Redirect("/story".to_owned()),
        "/story" => page(STORY),
        _ => Reply::Status(404),
    });
    let out = assert_cmd::Command::cargo_bin("claimdesk")?
        .args(["extract", &server.url("/s")])
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    assert_eq!(json["title"], "Harbour Ferry Fares to Rise 12 Percent");
    assert_eq!(json["fetched"]["final_url"], server.url("/story"));
    assert_eq!(
        json["fetched"]["sha256"],
        claimdesk::model::sha256_hex(STORY)
    );

    let dir = tempfile::tempdir()?;
    let project = dir.path().join("ferry.ron");
    let out = assert_cmd::Command::cargo_bin("claimdesk")?
        .args(["new", &server.url("/s"), "-o"])
        .arg(&project)
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let loaded = claimdesk::project::load(&project)?;
    let fetched = loaded
        .project
        .article
        .fetched
        .as_ref()
        .ok_or("fetch record not saved")?;
    assert_eq!(fetched.url, server.url("/s"));
    assert_eq!(fetched.redirects, [server.url("/story")]);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);

    let out = assert_cmd::Command::cargo_bin("claimdesk")?
        .arg("report")
        .arg(&project)
        .output()?;
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("- **Fetched:** "), "{report}");
    assert!(
        report.contains(&format!("- **Fetched page SHA-256:** {}", fetched.sha256)),
        "{report}"
    );
    assert!(
        report.contains(&format!("- **Requested URL:** <{}>", server.url("/s"))),
        "{report}"
    );
    Ok(())
}

#[test]
fn the_cli_reports_a_failed_fetch_in_one_line() -> TestResult {
    let server = server::start(|_| Reply::Status(404));
    let out = assert_cmd::Command::cargo_bin("claimdesk")?
        .args(["extract", &server.url("/missing")])
        .output()?;
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        format!(
            "claimdesk: {}: the server answered 404 Not Found\n",
            server.url("/missing")
        )
    );
    Ok(())
}
