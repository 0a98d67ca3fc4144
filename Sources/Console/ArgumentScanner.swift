/// Scans command-line words against a table of options (`--name`, `--name=value`, `-c value`, `--`).
///
/// It does no conversion: values stay text, so each command validates its own and reports
/// `UsageError.invalidValue` naming the option. Unknown options are errors with a nearest-name hint.
public struct ArgumentScanner: Sendable {
    public let options: [OptionSpec]
    /// When false, the first positional word ends option scanning (the rest is the subcommand's).
    public let optionsAfterPositionals: Bool

    public init(options: [OptionSpec], optionsAfterPositionals: Bool = true) {
        self.options = options
        self.optionsAfterPositionals = optionsAfterPositionals
    }

    public func scan(_ words: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || word == "-" || !word.hasPrefix("-") {
                result.positionals.append(word)
                if !optionsAfterPositionals { onlyPositionals = true }
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            let (spec, inlineValue) = try lookUp(word)
            if spec.takesValue {
                if let inlineValue {
                    result.values[spec.name, default: []].append(inlineValue)
                } else if index < words.count {
                    result.values[spec.name, default: []].append(words[index])
                    index += 1
                } else {
                    throw .missingValue(option: spec.name)
                }
            } else {
                if let inlineValue { throw .unexpectedValue(option: spec.name, value: inlineValue) }
                result.flags.insert(spec.name)
            }
        }
        return result
    }

    /// Finds the option a word names, splitting `--name=value`.
    private func lookUp(_ word: String) throws(UsageError) -> (OptionSpec, String?) {
        if word.hasPrefix("--") {
            let body = word.dropFirst(2)
            let name: Substring
            let value: String?
            if let equals = body.firstIndex(of: "=") {
                name = body[..<equals]
                value = String(body[body.index(after: equals)...])
            } else {
                name = body
                value = nil
            }
            if let spec = options.first(where: { $0.name == name }) { return (spec, value) }
        } else if word.count == 2, let letter = word.last,
                  let spec = options.first(where: { $0.short == letter }) {
            return (spec, nil)
        }
        let known = options.map { "--\($0.name)" }
        let bare = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        throw .unknownOption(word, suggestion: NearestMatch.find(bare, among: known))
    }
}
