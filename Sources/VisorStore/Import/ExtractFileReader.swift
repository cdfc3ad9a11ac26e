import Foundation

/// Streams a file line by line without holding it whole: reads 4 MiB at a
/// time, hands each physical line (without `\n` or `\r\n`, and without a
/// leading byte-order mark on line 1) to a closure with its line number.
struct ExtractFileReader {
    let path: String

    /// Calls `body(lineNumber, bytes)` for each line; `body` returns false to stop.
    func forEachLine(_ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw errno == ENOENT ? StoreError.noInput("\(path): no such file")
                : StoreError.noInput("\(path): cannot be read: \(reason)")
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw StoreError.noInput("\(path): is a folder, not an extract")
        }
        let chunkSize = 4 << 20
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var carry: [UInt8] = []
        var lineNumber = 0
        var atStart = true
        var keepGoing = true

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
            keepGoing = try body(lineNumber, slice)
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
                    let remaining = count - start
                    guard let found = memchr(chunk.baseAddress! + start, 0x0A, remaining) else {
                        carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<count]))
                        return
                    }
                    let end = chunk.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if carry.isEmpty {
                        try emit(UnsafeBufferPointer(rebasing: chunk[start..<end]))
                    } else {
                        carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<end]))
                        try carry.withUnsafeBufferPointer { try emit($0) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    start = end + 1
                }
            }
        }
        if keepGoing, !carry.isEmpty {
            try carry.withUnsafeBufferPointer { try emit($0) }
        }
    }
}
