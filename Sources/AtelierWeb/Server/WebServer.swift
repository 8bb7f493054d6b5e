import Hummingbird
import HummingbirdWebSocket

/// The browser side of the room (first version: builds, serves nothing yet).
public enum WebServerPlaceholder {}
