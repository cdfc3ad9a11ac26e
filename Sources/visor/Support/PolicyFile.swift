import ArgumentParser
import Foundation
import TOMLKit
import VisorDomain
import VisorRegister
import VisorStore

/// A policy file: what `visor policy import FILE` reads (TOML, in the sections
/// of `visor policy example`). The policy itself belongs to the register; the
/// settings are the table `PolicyKey.all` in VisorDomain, and an unknown
/// setting, or a value of the wrong kind or out of range, refuses the whole
/// file with a message naming the key, the value and what is allowed.
enum PolicyFile {
    /// The settings of the TOML file at `path`, checked against the policy table.
    static func document(atPath path: String) throws(PolicyFileError) -> [String: PolicyValue] {
        guard FileManager.default.fileExists(atPath: path) else { throw PolicyFileError("\(path): no such policy file") }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw PolicyFileError("\(path): cannot be read as UTF-8 text") }
        return try document(text, source: path)
    }

    /// The settings a TOML text describes, checked against the policy table (over the defaults).
    static func document(_ text: String, source: String) throws(PolicyFileError) -> [String: PolicyValue] {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw PolicyFileError("\(source): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw PolicyFileError("\(source): \(error)")
        }
        let settings = document(root)
        _ = try PolicyOverrides.apply(settings, source: source)
        return settings
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
