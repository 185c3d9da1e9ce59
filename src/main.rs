//! The `claimdesk` binary: parses arguments, then runs a headless command or opens the
//! window.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk::cli::{self, ExtractFormat, SearchFormat};
use claimdesk::fsio::printable;
use claimdesk::library::{Filter, Library, parse_date};
use claimdesk::report;
use clap::{Parser, Subcommand, ValueEnum};

/// jemalloc: extraction allocates many small, short-lived values (see Cargo.toml).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// A fact-check workbench: extract claims and their sources from news articles,
/// review them, export reports.
#[derive(Parser, Debug)]
#[command(name = "claimdesk", version, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// An article (.txt, .md, .html, .docx, .pdf) or a project (.ron) to open in the window.
    path: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract claims and sources from an article and print them.
    Extract {
        /// The article: .txt, .md, .html, .htm, .docx or .pdf, or an http(s) link.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractFormatArg::Json)]
        format: ExtractFormatArg,
    },
    /// Import an article, extract its claims and save a new project.
    New {
        /// The article: .txt, .md, .html, .htm, .docx or .pdf, or an http(s) link.
        article: PathBuf,
        /// The project file to write (.ron).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the project file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a fact-check report of a project.
    Report {
        /// The project file (.ron).
        project: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormatArg::Md)]
        format: ReportFormatArg,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only claims with a verdict.
        #[arg(long)]
        reviewed_only: bool,
        /// The fact-checking organisation (ClaimReview author).
        #[arg(long)]
        org: Option<String>,
        /// Where the report will be published (ClaimReview url).
        #[arg(long)]
        url: Option<String>,
        /// The reviewer named in the report.
        #[arg(long)]
        reviewer: Option<String>,
        /// Write the report even over a project file (which is kept as .bak).
        #[arg(long)]
        force: bool,
    },
    /// Re-import a corrected version of a project's article and place its claims again.
    Update {
        /// The project file (.ron); saved in place, the previous save kept as .bak.
        project: PathBuf,
        /// The corrected article: .txt, .md, .html or .htm.
        article: PathBuf,
    },
    /// Extract the project's article again, keeping reviewed and hand-made claims.
    Rerun {
        /// The project file (.ron); saved in place (the previous save kept as .bak)
        /// unless --output is given.
        project: PathBuf,
        /// Write the updated project here instead.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace --output if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The claim library: earlier checks, searched and matched.
    Library {
        /// The library folder (default: claimdesk/library in the user's data directory).
        #[arg(long, global = true)]
        library: Option<PathBuf>,
        #[command(subcommand)]
        command: LibraryCommand,
    },
    /// Rank a collection of verified claims for each query and print a TREC run.
    Match {
        /// Queries: `qid<TAB>text` a line.
        queries: PathBuf,
        /// Verified claims: one JSON object a line (`id`, `vclaim`, `title`, `subtitle`, `date`).
        vclaims: PathBuf,
        /// Claims listed per query.
        #[arg(long, default_value_t = 10)]
        depth: usize,
        /// Also write the re-ranker's features of every candidate to this file.
        #[arg(long, hide = true)]
        features: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum LibraryCommand {
    /// Add folders of projects and ClaimReview files (.json, .jsonld, .jsonl).
    Add {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Search the library.
    Search {
        query: String,
        #[arg(long, value_enum, default_value_t = SearchFormatArg::Text)]
        format: SearchFormatArg,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Only this verdict (as the checker worded it: disputed, false, …).
        #[arg(long)]
        verdict: Option<String>,
        /// Only claims whose source has these words.
        #[arg(long)]
        source: Option<String>,
        /// Only ClaimReviews whose publisher has these words.
        #[arg(long)]
        publisher: Option<String>,
        /// Only checks on or after this date (2024-03-05).
        #[arg(long, value_parser = date_arg)]
        from: Option<jiff::civil::Date>,
        /// Only checks on or before this date.
        #[arg(long, value_parser = date_arg)]
        to: Option<jiff::civil::Date>,
    },
    /// Build the index again from the library's files.
    Rebuild,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SearchFormatArg {
    Json,
    Text,
}

fn date_arg(s: &str) -> Result<jiff::civil::Date, String> {
    parse_date(s).ok_or_else(|| format!("not a date: {s:?} (use 2024-03-05)"))
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExtractFormatArg {
    Json,
    Text,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ReportFormatArg {
    Md,
    Html,
    Json,
    Csv,
    Claimreview,
    Annotations,
}

impl From<ReportFormatArg> for report::Format {
    fn from(f: ReportFormatArg) -> Self {
        match f {
            ReportFormatArg::Md => report::Format::Markdown,
            ReportFormatArg::Html => report::Format::Html,
            ReportFormatArg::Json => report::Format::Json,
            ReportFormatArg::Csv => report::Format::Csv,
            ReportFormatArg::Claimreview => report::Format::ClaimReview,
            ReportFormatArg::Annotations => report::Format::Annotations,
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut warnings = Vec::new();
    let result = run(args, &mut warnings);
    for w in &warnings {
        eprintln!("claimdesk: warning: {}", printable(w, false));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Every message already names its cause once (the library's errors carry
            // their IO error's words), so the chain (`{e:#}`) would say it twice.
            eprintln!("claimdesk: {}", printable(&e.to_string(), false));
            ExitCode::from(1)
        }
    }
}

fn run(args: Args, warnings: &mut Vec<String>) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.command {
        Some(Command::Extract { file, format }) => {
            let format = match format {
                ExtractFormatArg::Json => ExtractFormat::Json,
                ExtractFormatArg::Text => ExtractFormat::Text,
            };
            cli::extract_command(&file, format, &mut out, warnings)?;
        }
        Some(Command::New {
            article,
            output,
            force,
        }) => {
            let project = cli::new_command(&article, &output, force, warnings)?;
            writeln!(
                out,
                "{}: {} claims from {} sources",
                printable(&output.display().to_string(), false),
                project.claims.len(),
                project.sources.len()
            )?;
        }
        Some(Command::Report {
            project,
            format,
            output,
            reviewed_only,
            org,
            url,
            reviewer,
            force,
        }) => {
            let options = report::Options {
                reviewed_only,
                organization: org,
                url,
                reviewer,
                generated_at: Some(jiff::Timestamp::now()),
            };
            cli::report_command(
                &project,
                format.into(),
                &options,
                output.as_deref(),
                force,
                &mut out,
                warnings,
            )?;
        }
        Some(Command::Update { project, article }) => {
            let summary = cli::update_command(&project, &article, warnings)?;
            writeln!(
                out,
                "{}: {}",
                printable(&project.display().to_string(), false),
                summary.line()
            )?;
        }
        Some(Command::Rerun {
            project,
            output,
            force,
        }) => {
            let done = cli::rerun_command(&project, output.as_deref(), force, warnings)?;
            let written = output.as_ref().unwrap_or(&project);
            writeln!(
                out,
                "{}: {}",
                printable(&written.display().to_string(), false),
                done.line()
            )?;
        }
        Some(Command::Library { library, command }) => {
            let root = match library {
                Some(root) => root,
                None => Library::default_root().ok_or_else(|| {
                    anyhow::anyhow!("no data directory for the library; pass --library DIR")
                })?,
            };
            library_command(&root, command, &mut out, warnings)?;
        }
        Some(Command::Match {
            queries,
            vclaims,
            depth,
            features,
        }) => cli::match_command(&queries, &vclaims, depth, features.as_deref(), &mut out)?,
        None => open_window(args.path)?,
    }
    out.flush()?;
    Ok(())
}

fn library_command(
    root: &std::path::Path,
    command: LibraryCommand,
    out: &mut dyn std::io::Write,
    warnings: &mut Vec<String>,
) -> anyhow::Result<()> {
    match command {
        LibraryCommand::Add { paths } => cli::library_add_command(root, &paths, out, warnings)?,
        LibraryCommand::Rebuild => cli::library_rebuild_command(root, out, warnings)?,
        LibraryCommand::Search {
            query,
            format,
            limit,
            verdict,
            source,
            publisher,
            from,
            to,
        } => {
            let filter = Filter {
                verdict,
                source,
                publisher,
                from,
                to,
            };
            let format = match format {
                SearchFormatArg::Json => SearchFormat::Json,
                SearchFormatArg::Text => SearchFormat::Text,
            };
            cli::library_search_command(root, &query, &filter, limit, format, out, warnings)?;
        }
    }
    Ok(())
}

#[cfg(feature = "gui")]
fn open_window(path: Option<PathBuf>) -> anyhow::Result<()> {
    claimdesk::app::run(path)
}

#[cfg(not(feature = "gui"))]
fn open_window(_path: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!(
        "this build has no window (built without the \"gui\" feature); use a subcommand such as `claimdesk extract FILE`"
    )
}
