//! Share buttons, social links and follower counts.

mod follower_count;
mod share_labels;
mod share_prompt;

pub use follower_count::FollowerCount;
pub use share_labels::ShareLabels;
pub use share_prompt::SharePrompt;
