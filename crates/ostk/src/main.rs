fn main() -> std::process::ExitCode {
    ostk_cli::main()
}
