import Foundation
import VisorDomain

/// Where a sign-in happens: only the application's counts as "logging on" for R14.
public enum SignInChannel: String, Sendable {
    case application
    case commandLine = "command_line"
}
