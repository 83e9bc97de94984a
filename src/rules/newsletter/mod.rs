//! Newsletter, subscription and sign-up prompts.

mod subscribe_label;
mod subscribe_prompt;

pub use subscribe_label::SubscribeLabel;
pub use subscribe_prompt::SubscribePrompt;
