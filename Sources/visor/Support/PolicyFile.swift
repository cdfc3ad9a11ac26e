import ArgumentParser
import Foundation
import TOMLKit
import VisorDomain
import VisorRegister
import VisorStore

/// The policy in force: the defaults compiled into `Policy`, overridden by
/// `--policy PATH`, else by `$XDG_CONFIG_HOME/visor/policy.toml` (default
/// `~/.config/visor/policy.toml`) when that file exists. Every setting is
/// optional; an unknown setting, a value of the wrong kind or out of range
/// refuses the whole file (exit 64) with a message naming the key, the value
/// and what is allowed. The settings are the table `PolicyKey.all` in
/// VisorDomain: `visor policy example` prints a file holding every one of them,
/// documented, at its default.
enum PolicyFile {
    /// `$XDG_CONFIG_HOME/visor/policy.toml`, else `~/.config/visor/policy.toml`.
    static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return config + "/visor/policy.toml"
    }

    /// The policy in force: `explicitPath` (which must exist), else the
    /// default file if it exists, else the compiled-in defaults.
    static func load(explicitPath: String?) throws(PolicyFileError) -> Policy {
        let path = explicitPath ?? defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            if explicitPath == nil { return .standard }
            throw PolicyFileError("\(path): no such policy file")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw PolicyFileError("\(path): cannot be read as UTF-8 text") }
        return try parse(text, source: path)
    }

    /// The policy a TOML document describes over the defaults.
    static func parse(_ text: String, source: String) throws(PolicyFileError) -> Policy {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw PolicyFileError("\(source): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw PolicyFileError("\(source): \(error)")
        }
        return try PolicyOverrides.apply(document(root), source: source)
    }

    /// The TOML table as plain values for validation.
    static func document(_ table: TOMLTable) -> [String: PolicyValue] {
        var values: [String: PolicyValue] = [:]
        for (key, node) in table { values[key] = value(node) }
        return values
    }

    static func value(_ node: any TOMLValueConvertible) -> PolicyValue {
        switch node.type {
        case .int: return node.int.map { .integer($0) } ?? .other("integer")
        case .string: return node.string.map { .string($0) } ?? .other("string")
        case .bool: return node.bool.map { .bool($0) } ?? .other("boolean")
        case .date:
            return node.date.flatMap { LocalDate(year: $0.year, month: $0.month, day: $0.day) }.map { .date($0) }
                ?? .other("date")
        case .array: return node.array.map { .array($0.map(value)) } ?? .other("array")
        case .table: return node.table.map { .table(document($0)) } ?? .other("table")
        case .double, .time, .dateTime: return .other(node.type.description)
        }
    }
}

/// `--policy PATH`, for commands that evaluate the rules.
struct PolicyOptions: ParsableArguments {
    @Option(name: .customLong("policy"),
            help: "A policy file (default: $XDG_CONFIG_HOME/visor/policy.toml, when it exists).")
    var path: String?

    /// The policy in force; a bad file exits 64 with its message.
    func load() throws -> Policy {
        do {
            return try PolicyFile.load(explicitPath: path)
        } catch {
            printError(error.message)
            throw ExitCode(Exit.usage)
        }
    }
}
