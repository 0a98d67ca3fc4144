import Console
import Foundation

// The entry point: run the command line and exit with its documented status.
let status = await FincoreCommand.run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
