import Testing
@testable import VisorDomain

/// The message a user would see for what `parse` refuses, or nil when it parses.
func identifierMessage<T>(_ parse: () throws(IdentifierError) -> T) -> String? {
    do throws(IdentifierError) {
        _ = try parse()
        return nil
    } catch {
        return error.message
    }
}

/// The description of the field errors `validate` throws ("" and an issue recorded when it throws none).
func fieldErrorsDescription<T>(sourceLocation: SourceLocation = #_sourceLocation,
                               _ validate: () throws(FieldErrors) -> T) -> String {
    do throws(FieldErrors) {
        _ = try validate()
        Issue.record("expected field errors", sourceLocation: sourceLocation)
        return ""
    } catch {
        return error.description
    }
}
