//! A small HTTP/1.1 server on 127.0.0.1 for the link tests: each test starts its own on
//! a free port and says what each path answers. No outside network is touched.

// Fixture text is built by appending formatted pieces; clarity beats `write!` here.
#![allow(clippy::format_push_string)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server does for a path.
#[derive(Clone, Debug)]
pub enum Reply {
    /// 200 with this type (no `Content-Type` header when `None`) and body.
    Page {
        content_type: Option<&'static str>,
        body: Vec<u8>,
    },
    /// A status with a short text body.
    Status(u16),
    /// 301 to this location (relative or absolute).
    Redirect(String),
    /// Waits this long before answering with a page.
    Slow(Duration),
    /// Declares (and starts sending) a body of this many bytes.
    Huge(u64),
    /// Sends half of the headers and closes the connection.
    Broken,
}

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    pub user_agent: Option<String>,
}

pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

/// Starts a server answering by `route(path)`; it lives until the test process ends.
pub fn start(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("local address").port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let route = Arc::new(route);
    let log = Arc::clone(&seen);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let route = Arc::clone(&route);
            let log = Arc::clone(&log);
            thread::spawn(move || serve(stream, &*route, &log));
        }
    });
    Server {
        base: format!("http://127.0.0.1:{port}"),
        seen,
    }
}

fn serve(mut stream: TcpStream, route: &dyn Fn(&str) -> Reply, log: &Mutex<Vec<Seen>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 65_536 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let user_agent = head.lines().find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.eq_ignore_ascii_case("user-agent")
            .then(|| value.trim().to_owned())
    });
    if let Ok(mut log) = log.lock() {
        log.push(Seen {
            path: path.clone(),
            user_agent,
        });
    }
    let reply = route(&path);
    let _ = respond(&mut stream, reply);
    let _ = stream.shutdown(Shutdown::Both);
}

fn respond(stream: &mut TcpStream, reply: Reply) -> std::io::Result<()> {
    match reply {
        Reply::Page { content_type, body } => write_page(stream, 200, content_type, &body),
        Reply::Status(code) => write_page(
            stream,
            code,
            Some("text/plain"),
            format!("status {code}").as_bytes(),
        ),
        Reply::Redirect(location) => write!(
            stream,
            "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
        Reply::Slow(delay) => {
            thread::sleep(delay);
            write_page(stream, 200, Some("text/html"), b"<p>late</p>")
        }
        Reply::Huge(declared) => {
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {declared}\r\nConnection: close\r\n\r\n"
            )?;
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0u64;
            while sent < declared {
                stream.write_all(&chunk)?;
                sent += chunk.len() as u64;
            }
            Ok(())
        }
        Reply::Broken => stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Ty"),
    }
}

fn write_page(
    stream: &mut TcpStream,
    status: u16,
    content_type: Option<&str>,
    body: &[u8],
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!("HTTP/1.1 {status} {reason}\r\n");
    if let Some(ct) = content_type {
        head.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)
}
