/// The kind of identity document in `kyc.id_type` (contract § Clients).
public enum IDType: String, ClosedVocabulary {
    case nationalID = "national_id"
    case passport
    case driverLicense = "driver_license"
}
