import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore

/// sysexits codes of `spec/cli.md`.
enum Exit {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let refused: Int32 = 77
}

/// Prints `visor: MESSAGE` on standard error, escaped (`TerminalText`): messages
/// quote names, reasons and paths, and a line break in one cannot forge a line.
func printError(_ message: String) {
    printErrorLine("visor: " + message)
}

/// Prints a line on standard error with nothing added (the import's `line N: …`
/// contract), escaped as every line is.
func printErrorLine(_ line: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(line) + "\n").utf8))
}

extension StoreError {
    /// The exit status for this failure.
    var exitCode: Int32 {
        switch self {
        case .notAVisorDatabase, .noInput: Exit.noInput
        case .cannotCreate: Exit.cannotCreate
        case .refused: Exit.refused
        case .badInput, .notVisible: Exit.dataError
        case .io: Exit.ioError
        }
    }
}

/// Runs a command body, turning store failures into a message and their exit status.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as StoreError {
        printError(error.description)
        throw ExitCode(error.exitCode)
    }
}
