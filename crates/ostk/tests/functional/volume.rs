//! volume commands against the devcloud's real service, side by side with the reference where it matters.
