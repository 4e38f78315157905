//! `image import` (openstackclient/image/v2/image.py ImportImage, with openstacksdk's
//! `import_image`): checks the method against `/v2/info/import` and the image's status, then
//! `POST /v2/images/{id}/import`. Shows the image as it was before the import, as OSC does.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::image::ImageService;
use serde_json::{Map, Value, json};

/// `--method` choices.
const METHODS: [&str; 4] = [
    "glance-direct",
    "web-download",
    "glance-download",
    "copy-image",
];

/// Initiate the image import process.
/// This requires support for the interoperable image import process, which was first introduced in Image API version 2.6 (Glance 16.0.0 (Queens))
#[derive(clap::Args, Debug)]
pub struct ImportImage {
    /// Image to initiate import process for (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
    /// Import method used for image import process. Not all deployments will support all methods. The 'glance-direct' method (default) requires images be first staged using the 'image-stage' command.
    #[arg(long = "method", value_name = "<method>", default_value = "glance-direct",
          hide_default_value = true, value_parser = METHODS, hide_possible_values = true,
          verbatim_doc_comment)]
    import_method: String,
    /// URI to download the external image (only valid with the 'web-download' import method)
    #[arg(long, value_name = "<uri>")]
    uri: Option<String>,
    /// The image of remote glance (ID only) to be imported (only valid with the 'glance-download' import method)
    #[arg(long, value_name = "<REMOTE_IMAGE>")]
    remote_image: Option<String>,
    /// The remote Glance region to download the image from (only valid with the 'glance-download' import method)
    #[arg(long, value_name = "<REMOTE_GLANCE_REGION>")]
    remote_region: Option<String>,
    /// The remote Glance service interface to use when importing images (only valid with the 'glance-download' import method)
    #[arg(long, value_name = "<REMOTE_SERVICE_INTERFACE>")]
    remote_service_interface: Option<String>,
    /// Backend store to upload image to (specify multiple times to upload to multiple stores) (either '--store' or '--all-stores' required with the 'copy-image' import method)
    #[arg(long = "store", value_name = "<STORE>", num_args = 0.., group = "stores_group")]
    stores: Option<Vec<String>>,
    /// Make image available to all stores (either '--store' or '--all-stores' required with the 'copy-image' import method)
    #[arg(long, group = "stores_group")]
    all_stores: bool,
    /// When uploading to multiple stores, indicate that the import should be continue should any of the uploads fail. Only usable with --stores or --all-stores
    #[arg(long, group = "failure_group")]
    allow_failure: bool,
    /// When uploading to multiple stores, indicate that the import should be reverted should any of the uploads fail. Only usable with --stores or --all-stores
    #[arg(long, group = "failure_group")]
    disallow_failure: bool,
    /// Wait for operation to complete
    #[arg(long)]
    wait: bool,
}

fn fail(msg: impl Into<String>) -> Result<Output, CliError> {
    Err(CliError::Message(msg.into()))
}

impl Command for ImportImage {
    const WORDS: &'static str = "image import";
    const ABOUT: &'static str = "Initiate the image import process.\nThis requires support for the interoperable image import process, which was first introduced in Image API version 2.6 (Glance 16.0.0 (Queens))";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC 10.5.0 accepts --wait but does not act on it.
        let _ = self.wait;
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        let info = match ctx.block_on(glance.import_info())? {
            Ok(v) => v,
            Err(e) if e.status() == Some(404) => {
                return fail("The Image Import feature is not supported by this deployment");
            }
            Err(e) => return Err(super::sdk_error(e, None)),
        };
        let methods: Vec<String> = info
            .pointer("/import-methods/value")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|m| m.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let method = self.import_method.as_str();
        if !methods.iter().any(|m| m == method) {
            return fail(format!(
                "The '{method}' import method is not supported by this deployment. Supported: {}",
                methods.join(", ")
            ));
        }
        let non_empty = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.is_empty());
        if method == "web-download" {
            let Some(uri) = self.uri.as_deref().filter(|s| !s.is_empty()) else {
                return fail("The '--uri' option is required when using '--method=web-download'");
            };
            if !has_scheme_and_netloc(uri) {
                return fail(format!("'{uri}' is not a valid url"));
            }
        } else if non_empty(&self.uri) {
            return fail("The '--uri' option is only supported when using '--method=web-download'");
        }
        if method == "glance-download" {
            if !(non_empty(&self.remote_region) && non_empty(&self.remote_image)) {
                // (sic) OSC names web-download here.
                return fail(
                    "The '--remote-region' and '--remote-image' options are required when using '--method=web-download'",
                );
            }
        } else {
            if non_empty(&self.remote_region) {
                return fail(
                    "The '--remote-region' option is only supported when using '--method=glance-download'",
                );
            }
            if non_empty(&self.remote_image) {
                return fail(
                    "The '--remote-image' option is only supported when using '--method=glance-download'",
                );
            }
            if non_empty(&self.remote_service_interface) {
                return fail(
                    "The '--remote-service-interface' option is only supported when using '--method=glance-download'",
                );
            }
        }
        let stores: Vec<String> = self.stores.clone().unwrap_or_default();
        if method == "copy-image" && stores.is_empty() && !self.all_stores {
            return fail(
                "The '--stores' or '--all-stores' options are required when using '--method=copy-image'",
            );
        }
        let img = super::find_image(ctx, &self.image)?;
        let data = img.to_map();
        let set = |k: &str| {
            data.get(k)
                .and_then(Value::as_str)
                .is_some_and(|s| !s.is_empty())
        };
        if !set("container_format") && !set("disk_format") {
            return fail(
                "The 'container_format' and 'disk_format' properties must be set on an image before it can be imported",
            );
        }
        let status = img.status.as_deref().unwrap_or_default();
        let wanted = match method {
            "glance-direct" => Some("uploading"),
            "web-download" => Some("queued"),
            "copy-image" => Some("active"),
            _ => None,
        };
        if let Some(w) = wanted.filter(|w| *w != status) {
            return fail(format!(
                "The '{method}' import method can only be used with an image in status '{w}'"
            ));
        }
        // openstacksdk `import_image` checks both formats (OSC only checks that one is set).
        if !(set("container_format") && set("disk_format")) {
            return fail(
                "Both container_format and disk_format are required for importing an image",
            );
        }
        let mut m = Map::new();
        m.insert("name".into(), json!(method));
        if let Some(uri) = self.uri.as_deref().filter(|s| !s.is_empty()) {
            m.insert("uri".into(), json!(uri));
        }
        if method == "glance-download" {
            m.insert("glance_region".into(), json!(self.remote_region));
            m.insert("glance_image_id".into(), json!(self.remote_image));
            if let Some(i) = self
                .remote_service_interface
                .as_deref()
                .filter(|s| !s.is_empty())
            {
                m.insert("glance_service_interface".into(), json!(i));
            }
        }
        let mut body = Map::new();
        body.insert("method".into(), Value::Object(m));
        body.insert("all_stores".into(), json!(self.all_stores));
        // --allow-failure is the default: all_stores_must_succeed = not allow_failure.
        body.insert(
            "all_stores_must_succeed".into(),
            json!(self.disallow_failure),
        );
        if !stores.is_empty() {
            body.insert("stores".into(), json!(stores));
        }
        let _ = self.allow_failure;
        // openstacksdk's `Image.import_image` returns the response without raising, so OSC shows
        // the image and succeeds even when glance refuses the import; ostk does the same but
        // says what glance answered.
        if let Err(e) = ctx.block_on(glance.import(&img.id, Value::Object(body)))? {
            tracing::warn!("{}", super::sdk_error(e, None));
        }
        Ok(Output::One(super::image_record(&img, false)))
    }
}

/// `urllib.parse.urlparse(uri)` has both a scheme and a netloc.
fn has_scheme_and_netloc(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let netloc = rest
        .strip_prefix("//")
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""))
        .unwrap_or("");
    scheme_ok && !netloc.is_empty()
}

#[cfg(test)]
mod tests {
    use super::has_scheme_and_netloc;

    #[test]
    fn urls_need_a_scheme_and_a_host() {
        assert!(has_scheme_and_netloc("http://example.com/x.img"));
        assert!(has_scheme_and_netloc("ftp://h"));
        assert!(!has_scheme_and_netloc("example.com/x.img"));
        assert!(!has_scheme_and_netloc("http:///x.img"));
        assert!(!has_scheme_and_netloc("file:/x"));
    }
}
