//! Output layer: renders listings and records exactly as python-openstackclient (cliff) does.
//! It knows nothing of OpenStack.
