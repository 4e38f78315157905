//! Cloud configuration, resolved as openstacksdk's config loader does. No network.
