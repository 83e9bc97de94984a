//! Interface text: comment forms, loading errors, player messages.

mod interface_message;

pub use interface_message::InterfaceMessage;
