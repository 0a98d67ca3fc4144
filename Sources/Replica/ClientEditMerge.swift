import FincoreModel

/// Folding a later client edit into an earlier one that has not been sent: the later value of
/// each field wins, fields only the earlier one sets stay.
enum ClientEditMerge {
    static func merge(_ first: ClientPatch, _ second: ClientPatch) -> ClientPatch {
        var m = first
        m.firstName = second.firstName ?? m.firstName
        m.lastName = second.lastName ?? m.lastName
        if second.phone.isSent { m.phone = second.phone }
        if second.email.isSent { m.email = second.email }
        if second.dateOfBirth.isSent { m.dateOfBirth = second.dateOfBirth }
        if second.address.isSent { m.address = second.address }
        if second.branchID.isSent { m.branchID = second.branchID }
        if second.officerID.isSent { m.officerID = second.officerID }
        m.status = second.status ?? m.status
        if second.kyc.idType.isSent { m.kyc.idType = second.kyc.idType }
        if second.kyc.idNumber.isSent { m.kyc.idNumber = second.kyc.idNumber }
        return m
    }

    /// An edit of a client whose create has not been sent: the create simply carries the new values.
    static func merge(_ create: NewClient, _ patch: ClientPatch) -> NewClient {
        var m = create
        m.firstName = patch.firstName ?? m.firstName
        m.lastName = patch.lastName ?? m.lastName
        m.phone = patch.phone.applied(to: m.phone)
        m.email = patch.email.applied(to: m.email)
        m.dateOfBirth = patch.dateOfBirth.applied(to: m.dateOfBirth)
        m.address = patch.address.applied(to: m.address)
        m.branchID = patch.branchID.applied(to: m.branchID)
        m.officerID = patch.officerID.applied(to: m.officerID)
        m.status = patch.status ?? m.status
        if patch.kyc.idType.isSent { m.kyc.idType = patch.kyc.idType }
        if patch.kyc.idNumber.isSent { m.kyc.idNumber = patch.kyc.idNumber }
        return m
    }
}
