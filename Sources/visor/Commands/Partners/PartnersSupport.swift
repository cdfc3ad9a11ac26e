import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore

/// `(--crn X | --nominal ID)`: the nominal a partner step is about.
struct NominalSelection: ParsableArguments {
    @Option(help: "The nominal's CRN (X123456).") var crn: String?
    @Option(help: "The nominal's register id.") var nominal: Int64?

    /// The reference; a missing, doubled or malformed choice is a usage error (exit 64).
    func reference() throws -> NominalReference {
        switch (crn, nominal) {
        case (let crn?, nil): return .crn(try PartnersCLI.parse { () throws(IdentifierError) in
            try CRN(parsing: crn.uppercased())
        })
        case (nil, let id?): return .id(id)
        default: throw PartnersCLI.usage("give exactly one of --crn X or --nominal ID")
        }
    }
}

/// What every `visor partners` step shares: the register opened first (a
/// foreign file is refused before anything else), arguments checked, then the
/// user signed in.
enum PartnersCLI {
    /// Prints the message and returns the usage exit (64).
    static func usage(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(Exit.usage)
    }

    /// Parses an identifier, turning its error into a usage failure.
    static func parse<T>(_ body: () throws(IdentifierError) -> T) throws -> T {
        do { return try body() } catch { throw usage(error.message) }
    }

    /// The `--as` user, signed in; `--as` is required for every partner step.
    static func signIn(_ actor: ActingUserOptions, _ register: AppDatabase) throws -> User {
        try actor.requiredUser(register, missing: usage("give --as USERNAME: partner steps act as a user"))
    }

    /// A required reason given on the command line; blank is a usage error.
    static func reason(_ text: String) throws -> String {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw usage("--reason must not be empty")
        }
        return try checkedText(text, option: "--reason")
    }

    /// Free text given on the command line, checked before the password is asked
    /// for (the store checks it again, trimmed as here): one free text refuses is
    /// bad input (exit 65).
    static func checkedText(_ text: String, option: String) throws -> String {
        do throws(FreeTextError) {
            try FreeText.validate(text.trimmingCharacters(in: .whitespacesAndNewlines), field: option)
        } catch {
            throw StoreError.badInput(error.description)
        }
        return text
    }

    /// The agency named on the command line; an unknown name is bad input (exit 65).
    static func agency(named name: String, in register: AppDatabase) throws -> Agency {
        guard let agency = try register.agency(named: name) else {
            throw StoreError.badInput("no agency named \"\(name)\" on the register (see agencies.md)")
        }
        return agency
    }
}

/// The output objects of `spec/cli.md`'s `visor partners`.
enum PartnersOutput {
    static let stubKeys = ["nominal", "surname", "forenames", "date_of_birth", "owner_agency", "manager"]
    static let visibleKeys = stubKeys + ["crn", "pnc_id", "mappa_category", "mappa_level", "partner"]
    static let requestKeys = ["id", "nominal", "crn", "requesting_agency", "owner_agency", "state", "restricted",
                              "requested_at", "due", "decided_by", "decided_at", "reason", "decision_reason"]

    /// A stub carries exactly the stub's six fields; a visible record adds five.
    static func found(_ result: FoundNominal) -> OutputRecord {
        let stub = result.stub
        var fields: [(String, OutputValue)] = [
            ("nominal", .int(stub.nominalID)), ("surname", .string(stub.surname)),
            ("forenames", .string(stub.forenames)), ("date_of_birth", .string(stub.dateOfBirth.iso)),
            ("owner_agency", .string(stub.ownerAgency)), ("manager", OutputValue(stub.manager)),
        ]
        if case .visible(let visible) = result {
            fields += [
                ("crn", OutputValue(visible.crn?.canonical)), ("pnc_id", OutputValue(visible.pncID?.canonical)),
                ("mappa_category", .int(Int64(visible.category.rawValue))),
                ("mappa_level", .int(Int64(visible.level.rawValue))), ("partner", .bool(visible.partner)),
            ]
        }
        return OutputRecord(fields)
    }

    static func request(_ request: PartnerRequestView) -> OutputRecord {
        OutputRecord([
            ("id", .int(request.id)), ("nominal", .int(request.nominalID)), ("crn", OutputValue(request.crn?.canonical)),
            ("requesting_agency", .string(request.requestingAgency.name)),
            ("owner_agency", .string(request.ownerAgency.name)), ("state", .string(request.state.rawValue)),
            ("restricted", .bool(request.restricted)), ("requested_at", .string(LondonTime.iso(request.requestedAt))),
            ("due", .string(request.due.iso)), ("decided_by", OutputValue(request.decidedBy?.username)),
            ("decided_at", OutputValue(request.decidedAt.map(LondonTime.iso))), ("reason", .string(request.reason)),
            ("decision_reason", OutputValue(request.decisionReason)),
        ])
    }

    static func partnership(_ partnership: PartnershipView) -> OutputRecord {
        OutputRecord([
            ("nominal", .int(partnership.nominalID)), ("crn", OutputValue(partnership.crn?.canonical)),
            ("agency", .string(partnership.agency.name)), ("restricted", .bool(partnership.restricted)),
            ("state", .string(partnership.state.rawValue)),
            ("changed_by", OutputValue(partnership.changedBy?.username)),
            ("changed_at", .string(LondonTime.iso(partnership.changedAt))),
            ("reason", OutputValue(partnership.reason)),
        ])
    }
}
