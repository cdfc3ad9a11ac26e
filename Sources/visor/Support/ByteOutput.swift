import Foundation
import VisorDomain
import VisorTUI

/// Standard output as bytes, written a megabyte at a time: `visor actions` writes millions of
/// fields, and a `String` per field cost more than reading them from SQLite. Text is appended
/// straight from SQLite's buffers when it needs no escaping (the usual case), and through the
/// same escaping as every other output (`JSONText`, `CSVText`, `TerminalText`) when it might.
struct ByteOutput: ~Copyable {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 20) }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        flushIfFull()
    }

    /// Bytes made once (a JSON key and its punctuation): no `String` to walk per row.
    mutating func append(bytes constant: [UInt8]) {
        bytes.append(contentsOf: constant)
    }

    /// A number's digits, written straight into the buffer (a `String` per number cost a
    /// twentieth of writing a million actions).
    mutating func append(_ number: Int64) {
        if number >= 0 && number < 10 {
            bytes.append(UInt8(48 + number))
            return
        }
        var magnitude = number.magnitude
        if number < 0 { bytes.append(0x2D) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    mutating func append(raw: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: raw)
        flushIfFull()
    }

    /// `text` as a JSON string (`JSONText.quote`).
    mutating func appendJSON(_ text: UnsafeBufferPointer<UInt8>) {
        if !text.contains(where: { $0 == 0x22 || $0 == 0x5C }), !TextHazard.mayNeedEscaping(text) {
            bytes.append(0x22)
            bytes.append(contentsOf: text)
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: JSONText.quote(String(decoding: text, as: UTF8.self)).utf8)
        }
        flushIfFull()
    }

    /// `text` as a CSV text cell (`CSVText.text`: neutralised, escaped, quoted).
    mutating func appendCSV(_ text: UnsafeBufferPointer<UInt8>) {
        let plain = !text.contains(where: { $0 == 0x2C || $0 == 0x22 }) && !TextHazard.mayNeedEscaping(text)
            && !(text.first.map(ByteOutput.formulaStarts.contains) ?? false)
        if plain {
            bytes.append(contentsOf: text)
        } else {
            bytes.append(contentsOf: CSVText.text(String(decoding: text, as: UTF8.self)).utf8)
        }
        flushIfFull()
    }

    /// `text` escaped (`TerminalText`) and padded with spaces to `width` columns (no padding when
    /// `width` is 0).
    mutating func appendCell(_ text: UnsafeBufferPointer<UInt8>, width: Int) {
        if text.allSatisfy({ $0 < 0x80 }) && !TextHazard.mayNeedEscaping(text) {
            bytes.append(contentsOf: text)
            if text.count < width { bytes.append(contentsOf: repeatElement(0x20, count: width - text.count)) }
        } else {
            let shown = TerminalText.escaped(String(decoding: text, as: UTF8.self))
            bytes.append(contentsOf: (width > 0 ? DisplayWidth.pad(shown, to: width) : shown).utf8)
        }
        flushIfFull()
    }

    /// The first bytes `CSVText` neutralises: `=`, `+`, `-`, `@`, tab, CR.
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    private mutating func flushIfFull() {
        if bytes.count >= 1 << 20 { flushBytes() }
    }

    mutating func flush() { flushBytes() }

    private mutating func flushBytes() {
        guard !bytes.isEmpty else { return }
        // print() may have buffered text in stdio: flush it first, then write to the descriptor.
        fflush(nil)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    break  // a closed pipe (`| head`): the rest has nowhere to go
                }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
