import Foundation
import VisorDomain
import VisorRegister

/// Reads an extract file with the rules of `spec/nominals-csv.md` that do not
/// depend on the register's nominals: header, one record per line, blank lines,
/// UTF-8, field validation, and duplicates within the file. Shared by
/// `visor import` and `visor reconcile`.
struct ExtractStream: Sendable {
    enum Event: Sendable {
        /// A header name that is not a column (ignored).
        case unknownColumn(String)
        case fault(RowFault)
        /// A valid row, with its folded names computed here, on the reading thread.
        case row(ExtractCase, names: NameEntry)
    }

    /// Why the whole file was refused before any row was read.
    enum FileProblem: Error {
        /// One `line 1: COLUMN: : missing required column` per column.
        case header([RowFault])
    }

    let path: String
    let today: LocalDate
    let addAgencies: Bool
    let directory: AgencyIndex
    /// The policy's longest line, in bytes; a longer one is a fault of its line.
    var maxLineBytes = Policy.standard.maxExtractLineBytes

    /// Reads the file, calling `handle` for each event in line order.
    func run(_ handle: (Event) throws -> Void) throws {
        var validator: ExtractRowValidator?
        var pendingBlankLines: [Int] = []
        // Sized for the file up front (growing re-hashes everything), up to four million rows.
        let expectedRows = min(ExtractStream.expectedRows(path: path), 4_000_000)
        var firstLineOfCRN = FirstLineTable(expectedCount: expectedRows)
        var firstLineOfPNC = FirstLineTable(expectedCount: expectedRows)
        var sawHeader = false
        func reportBlankLines() throws {
            for blank in pendingBlankLines { try handle(.fault(.wholeRow(line: blank, reason: "blank line"))) }
            pendingBlankLines.removeAll()
        }
        let reader = ExtractFileReader(path: path, maxLineBytes: maxLineBytes)
        try reader.forEachLine(onLongLine: { line in
            guard sawHeader else {
                // A file of CR-only line endings is one line, usually far over the limit: say why.
                throw FileProblem.header([.wholeRow(line: 1, reason: line.hasBareCarriageReturn
                    ? ExtractStream.carriageReturnsAlone : longLineReason)])
            }
            try reportBlankLines()
            try handle(.fault(.wholeRow(line: line.number, reason: longLineReason
                + (line.hasBareCarriageReturn ? " (it holds carriage returns: lines end in LF or CRLF)" : ""))))
            return true
        }) { number, bytes in
            guard sawHeader else {
                sawHeader = true
                let header = try readHeader(bytes)
                for name in header.unknownColumns { try handle(.unknownColumn(name)) }
                validator = ExtractRowValidator(header: header, today: today, directory: directory,
                                                addAgencies: addAgencies)
                return true
            }
            guard let validator else { return false }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                // Blank lines at the very end of the file are ignored: decide when the next line comes.
                pendingBlankLines.append(number)
                return true
            }
            try reportBlankLines()
            try handle(rowEvent(number, bytes, validator, &firstLineOfCRN, &firstLineOfPNC))
            return true
        }
        if !sawHeader {
            throw FileProblem.header([.wholeRow(line: 1, reason: "empty file: no header line")])
        }
    }

    /// The fault of a line over the limit.
    private var longLineReason: String { "line longer than \(maxLineBytes) bytes" }

    /// The fault of a header holding a carriage return: the file's lines end in CR alone.
    static let carriageReturnsAlone = "lines end in a carriage return alone (classic Mac line endings); "
        + "save the file with LF or CRLF line endings"

    /// About how many rows the file holds (extract rows are about 200 bytes), to size tables once.
    /// `stat` follows a symbolic link to the file (FileManager's attributes would describe the link).
    static func expectedRows(path: String) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else { return 0 }
        return Int(status.st_size) / 200
    }

    /// The extract columns named by the file's header; every column when the
    /// header cannot be read (the stream then reports why).
    static func columns(path: String, maxLineBytes: Int) -> Set<ExtractColumn> {
        var columns = Set(ExtractColumn.allCases)
        try? ExtractFileReader(path: path, maxLineBytes: maxLineBytes).forEachLine(onLongLine: { _ in false }) { _, bytes in
            if let text = String(validating: bytes, as: UTF8.self), let fields = try? CSVLine.fields(text) {
                columns = Set(ExtractHeader(fields: fields).positions.keys)
            }
            return false
        }
        return columns
    }

    private func readHeader(_ bytes: UnsafeBufferPointer<UInt8>) throws -> ExtractHeader {
        if ExtractStream.hasCarriageReturn(bytes) {
            throw FileProblem.header([.wholeRow(line: 1, reason: ExtractStream.carriageReturnsAlone)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileProblem.header([.wholeRow(line: 1, reason: "the header is not valid UTF-8")])
        }
        let fields: [String]
        do { fields = try CSVLine.fields(text) } catch {
            throw FileProblem.header([.wholeRow(line: 1, reason: error.reason)])
        }
        let header = ExtractHeader(fields: fields)
        let faults = header.faults
        if !faults.isEmpty { throw FileProblem.header(faults) }
        return header
    }

    private func rowEvent(_ number: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ validator: ExtractRowValidator,
                          _ crns: inout FirstLineTable, _ pncs: inout FirstLineTable) -> Event {
        let mayHaveHazard = TextHazard.mayOccur(in: bytes)
        // A carriage return left inside a line (the reader drops only the one before the newline)
        // is a line ending gone wrong, whichever field it falls in.
        if mayHaveHazard, ExtractStream.hasCarriageReturn(bytes) {
            return .fault(.wholeRow(line: number, reason: "carriage return inside the line (lines end in LF or CRLF)"))
        }
        if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil {
            return .fault(.wholeRow(line: number, reason: "not valid UTF-8"))
        }
        let fields: [String]
        do { fields = try CSVLine.fields(bytes) } catch {
            return .fault(.wholeRow(line: number, reason: error.reason))
        }
        let result = validator.validate(line: number, fields: fields,
                                        lineMayHaveRefusedText: mayHaveHazard)
        // Duplicates are faults of the crn and pnc_id columns, so they win over any later column's fault.
        let crn: Int?
        let pnc: Int?
        switch result {
        case .success(let row):
            crn = row.crn.packed
            pnc = row.pncID?.packed
        case .failure where fields.count == validator.header.fieldCount:
            let header = validator.header
            crn = header.positions[.crn].flatMap { try? CRN(parsing: fields[$0]) }?.packed
            pnc = header.positions[.pncID].flatMap { index in
                fields[index].isEmpty ? nil : try? PNCID(parsing: fields[index], currentYear: today.year)
            }?.packed
        case .failure:
            // A row with the wrong number of fields has no columns to speak of (and may be too short to index).
            crn = nil
            pnc = nil
        }
        func raw(_ column: ExtractColumn) -> String {
            validator.header.positions[column].flatMap { fields.indices.contains($0) ? fields[$0] : nil } ?? ""
        }
        var duplicate: RowFault?
        if let crn, let first = crns.firstLine(of: crn, recording: number) {
            duplicate = RowFault(line: number, column: .crn, value: raw(.crn), reason: "crn repeated: first on line \(first)")
        }
        if let pnc, let first = pncs.firstLine(of: pnc, recording: number), duplicate == nil {
            duplicate = RowFault(line: number, column: .pncID, value: raw(.pncID),
                                 reason: "pnc_id repeated: first on line \(first)")
        }
        switch result {
        case .success(let row):
            if let duplicate { return .fault(duplicate) }
            return .row(row, names: NameKeys.entry(surname: row.surname, forenames: row.forenames))
        case .failure(let fault):
            if let duplicate, ExtractStream.columnRank(duplicate.column) <= ExtractStream.columnRank(fault.column) {
                return .fault(duplicate)
            }
            return .fault(fault)
        }
    }

    /// Whether a line holds a carriage return (the reader has dropped the one of a CRLF ending).
    static func hasCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0x0D, bytes.count) != nil
    }

    private static func columnRank(_ name: String) -> Int {
        guard let column = ExtractColumn(rawValue: name) else { return -1 }
        return ExtractColumn.allCases.firstIndex(of: column) ?? -1
    }
}
