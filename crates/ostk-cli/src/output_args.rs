//! cliff's formatter options, added to every list (Lister) and show (ShowOne) command, with
//! cliff's names, defaults, groups and help wording (cliff/display.py, lister.py, formatters/*).

use clap::{ArgAction, Args};

/// Options of cliff's Lister commands.
#[derive(Args, Debug, Clone)]
pub struct ListFormatArgs {
    /// the output format, defaults to table
    #[arg(short = 'f', long = "format", value_name = "{csv,json,table,value,yaml}", default_value = "table",
          value_parser = ["csv", "json", "table", "value", "yaml"], hide_default_value = true, hide_possible_values = true,
          help_heading = "output formatters")]
    pub format: String,
    /// specify the column(s) to include, can be repeated to show multiple columns
    #[arg(short = 'c', long = "column", value_name = "COLUMN", action = ArgAction::Append, help_heading = "output formatters")]
    pub columns: Vec<String>,
    /// when to include quotes, defaults to nonnumeric
    #[arg(long, value_name = "{all,minimal,none,nonnumeric}", default_value = "nonnumeric",
          value_parser = ["all", "minimal", "none", "nonnumeric"], hide_default_value = true, hide_possible_values = true,
          help_heading = "CSV Formatter")]
    pub quote: String,
    /// whether to disable indenting the JSON
    #[arg(long, help_heading = "json formatter")]
    pub noindent: bool,
    /// Maximum display width, <1 to disable. You can also use the CLIFF_MAX_TERM_WIDTH environment variable, but the parameter takes precedence.
    #[arg(
        verbatim_doc_comment,
        long = "max-width",
        value_name = "<integer>",
        help_heading = "table formatter",
        allow_negative_numbers = true
    )]
    pub max_width: Option<i64>,
    /// Fit the table to the display width. Implied if --max-width greater than 0. Set the environment variable CLIFF_FIT_WIDTH=1 to always enable
    #[arg(long = "fit-width", help_heading = "table formatter")]
    pub fit_width: bool,
    /// Print empty table if there is no data to show.
    #[arg(
        verbatim_doc_comment,
        long = "print-empty",
        help_heading = "table formatter"
    )]
    pub print_empty: bool,
    /// specify the column(s) to sort the data (columns specified first have a priority, non-existing columns are ignored), column names are case-insensitive and accept underscores for spaces, can be repeated
    #[arg(long = "sort-column", value_name = "SORT_COLUMN", action = ArgAction::Append, help_heading = "output formatters")]
    pub sort_columns: Vec<String>,
    /// sort the column(s) in ascending order
    #[arg(
        long = "sort-ascending",
        help_heading = "output formatters",
        conflicts_with = "sort_descending"
    )]
    pub sort_ascending: bool,
    /// sort the column(s) in descending order
    #[arg(long = "sort-descending", help_heading = "output formatters")]
    pub sort_descending: bool,
}

/// Options of cliff's ShowOne commands.
#[derive(Args, Debug, Clone)]
pub struct ShowFormatArgs {
    /// the output format, defaults to table
    #[arg(short = 'f', long = "format", value_name = "{json,shell,table,value,yaml}", default_value = "table",
          value_parser = ["json", "shell", "table", "value", "yaml"], hide_default_value = true, hide_possible_values = true,
          help_heading = "output formatters")]
    pub format: String,
    /// specify the column(s) to include, can be repeated to show multiple columns
    #[arg(short = 'c', long = "column", value_name = "COLUMN", action = ArgAction::Append, help_heading = "output formatters")]
    pub columns: Vec<String>,
    /// whether to disable indenting the JSON
    #[arg(long, help_heading = "json formatter")]
    pub noindent: bool,
    /// Accepted and ignored, as cliff's shell formatter does (hidden there too).
    #[arg(long = "variable", value_name = "VARIABLE", action = ArgAction::Append, hide = true, help_heading = "shell formatter")]
    pub variables: Vec<String>,
    /// add a prefix to all variable names
    #[arg(
        long,
        value_name = "PREFIX",
        default_value = "",
        hide_default_value = true,
        help_heading = "shell formatter"
    )]
    pub prefix: String,
    /// Maximum display width, <1 to disable. You can also use the CLIFF_MAX_TERM_WIDTH environment variable, but the parameter takes precedence.
    #[arg(
        verbatim_doc_comment,
        long = "max-width",
        value_name = "<integer>",
        help_heading = "table formatter",
        allow_negative_numbers = true
    )]
    pub max_width: Option<i64>,
    /// Fit the table to the display width. Implied if --max-width greater than 0. Set the environment variable CLIFF_FIT_WIDTH=1 to always enable
    #[arg(long = "fit-width", help_heading = "table formatter")]
    pub fit_width: bool,
    /// Print empty table if there is no data to show.
    #[arg(
        verbatim_doc_comment,
        long = "print-empty",
        help_heading = "table formatter"
    )]
    pub print_empty: bool,
}

/// Descriptions cliff gives its argument groups (printed under the group title in help).
pub fn group_description(heading: &str) -> Option<&'static str> {
    match heading {
        "output formatters" => Some("output formatter options"),
        "shell formatter" => Some("a format a UNIX shell can parse (variable=\"value\")"),
        _ => None,
    }
}
