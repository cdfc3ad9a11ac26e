import Foundation
import VisorDomain
import VisorRegister

/// Streams a file line by line without holding it whole: reads 4 MiB at a
/// time, hands each physical line (without `\n` or `\r\n`, and without a
/// leading byte-order mark on line 1) to a closure with its line number.
///
/// A line longer than `maxLineBytes` is never held: its bytes are skipped up
/// to the next newline and `onLongLine` hears of it instead, so a file with no
/// line breaks costs one chunk and one line of memory, not its size.
struct ExtractFileReader {
    let path: String
    var maxLineBytes = Policy.standard.maxExtractLineBytes

    /// A line that was too long to read.
    struct LongLine: Equatable {
        let number: Int
        /// It holds a carriage return not followed by a newline: the file's lines
        /// probably end in CR alone (classic Mac), which makes it one long line.
        let hasBareCarriageReturn: Bool
    }

    /// Calls `body(lineNumber, bytes)` for each line, or `onLongLine` for one
    /// over the limit; either returns false to stop.
    func forEachLine(onLongLine: (LongLine) throws -> Bool = { _ in true },
                     _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        let fd = try openRegularFile()
        defer { close(fd) }
        let chunkSize = 4 << 20
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var carry: [UInt8] = []
        // Held before a line is known to be too long: the limit, its CR and line 1's byte-order mark.
        let heldLimit = maxLineBytes + 4
        var lineNumber = 0
        var atStart = true
        var keepGoing = true
        // The line being skipped because it is too long, if any.
        var skipped: SkippedLine?

        func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
            lineNumber += 1
            var slice = line
            if atStart {
                atStart = false
                if slice.count >= 3, slice[0] == 0xEF, slice[1] == 0xBB, slice[2] == 0xBF {
                    slice = UnsafeBufferPointer(rebasing: slice[3...])
                }
            }
            if let last = slice.last, last == 0x0D { slice = UnsafeBufferPointer(rebasing: slice.dropLast()) }
            if slice.count > maxLineBytes {
                var seen = SkippedLine()
                seen.add(slice)
                keepGoing = try onLongLine(LongLine(number: lineNumber, hasBareCarriageReturn: seen.bareCarriageReturn))
                return
            }
            keepGoing = try body(lineNumber, slice)
        }

        func endSkipped(_ line: SkippedLine) throws {
            lineNumber += 1
            atStart = false
            skipped = nil
            keepGoing = try onLongLine(LongLine(number: lineNumber, hasBareCarriageReturn: line.bareCarriageReturn))
        }

        while keepGoing {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError.io("\(path): read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            try buffer.withUnsafeBufferPointer { chunk in
                var start = 0
                while keepGoing, start < count {
                    let found = memchr(chunk.baseAddress! + start, 0x0A, count - start)
                    let end = found.map { chunk.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                        ?? count
                    let piece = UnsafeBufferPointer(rebasing: chunk[start..<end])
                    if var line = skipped {
                        line.add(piece)
                        skipped = line
                        guard found != nil else { return }
                        try endSkipped(line)
                    } else if carry.count + piece.count > heldLimit {
                        // Too long already: keep only whether it holds a bare carriage return.
                        var line = SkippedLine()
                        carry.withUnsafeBufferPointer { line.add($0) }
                        line.add(piece)
                        carry = []
                        skipped = line
                        guard found != nil else { return }
                        try endSkipped(line)
                    } else if found == nil {
                        carry.append(contentsOf: piece)
                        return
                    } else if carry.isEmpty {
                        try emit(piece)
                    } else {
                        carry.append(contentsOf: piece)
                        try carry.withUnsafeBufferPointer { try emit($0) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                }
            }
        }
        guard keepGoing else { return }
        if let skipped {
            try endSkipped(skipped)
        } else if !carry.isEmpty {
            try carry.withUnsafeBufferPointer { try emit($0) }
        }
    }

    /// Fails as reading would when the file is missing, unreadable or not a
    /// regular file: checked before a command starts its transaction.
    func checkReadable() throws(StoreError) {
        close(try openRegularFile())
    }

    /// Opens the file for reading, refusing anything but a regular file before
    /// reading a byte: `O_NONBLOCK` so that a FIFO put there since cannot block the open.
    private func openRegularFile() throws(StoreError) -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw errno == ENOENT ? .noInput("\(path): no such file") : .noInput("\(path): cannot be read: \(reason)")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .noInput("\(path): cannot be read: \(reason)")
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            close(fd)
            throw .noInput("\(path): is \(kind.noun), not an extract file")
        }
        return fd
    }
}

/// What is kept of a line skipped for its length: whether a carriage return
/// in it is followed by anything but its newline.
private struct SkippedLine {
    private(set) var bareCarriageReturn = false
    private var endsWithCarriageReturn = false

    /// The next bytes of the line (never a newline).
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        // The bytes before ended in a carriage return and the line goes on: that one was bare.
        if endsWithCarriageReturn { bareCarriageReturn = true }
        // One before the last byte has more of the line after it; the last may be a CRLF's.
        if !bareCarriageReturn, bytes.count > 1, memchr(base, 0x0D, bytes.count - 1) != nil {
            bareCarriageReturn = true
        }
        endsWithCarriageReturn = bytes[bytes.count - 1] == 0x0D
    }
}
