//! The `deboiler` command: see `deboiler --help`.

fn main() -> std::process::ExitCode {
    deboiler_cli::main()
}
