import Foundation

/// The demo's closed vocabularies: names (East African and others, some with non-ASCII
/// letters), streets, KYC and payment failure reasons, loan products.
enum DemoNames {
    /// A name and its ASCII form for e-mail addresses (`Wanjikū` → `wanjiku`).
    struct Name: Sendable {
        let text: String
        let ascii: String

        init(_ text: String) {
            self.text = text
            ascii = DemoNames.asciiFold(text)
        }
    }

    static let firstNames: [Name] = [
        "Wanjikū", "Amina", "Nakato", "Ngozi", "Achieng", "Akinyi", "Njeri", "Mũthoni", "Wairimu", "Atieno",
        "Babirye", "Namubiru", "Auma", "Chebet", "Jepkoech", "Nafula", "Zawadi", "Imani", "Fatuma", "Halima",
        "Grace", "Mercy", "Faith", "Esther", "Sarah", "Aisha", "Chiamaka", "Adaeze", "Abena", "Zoë",
        "Brian", "Kevin", "Dennis", "Otieno", "Kiprono", "Kamau", "Mwangi", "Ochieng", "Kato", "Mukasa",
        "Ssemakula", "Okello", "Baraka", "Juma", "Hassan", "Omondi", "Kĩmani", "Emeka", "Kwame", "José",
        "Peter", "John", "Joseph", "David", "Samuel", "Tendai", "Tesfaye", "Dawit", "Luca", "Raphaël",
    ].map(Name.init)

    static let lastNames: [Name] = [
        "Otieno", "Wanjiru", "Mwangi", "Kamau", "Odhiambo", "Achieng", "Mutua", "Kiprop", "Chebet", "Njoroge",
        "Ochieng", "Kariuki", "Wambui", "Ngũgĩ", "Kĩmani", "Mũriithi", "Onyango", "Omondi", "Wafula", "Barasa",
        "Mukasa", "Nakato", "Okello", "Namubiru", "Ssempala", "Kato", "Babirye", "Tumusiime", "Byaruhanga", "Nsubuga",
        "Akello", "Opio", "Kizza", "Lubega", "Mugisha", "Adeyemi", "Okafor", "Mensah", "Haile", "Mbeki",
        "Hassan", "Abdi", "Mohamed", "Said", "Njeri", "Kibet", "Rotich", "Langat", "Müller", "Núñez",
    ].map(Name.init)

    static let kenyanStreets = [
        "Ngong Road", "Moi Avenue", "Kenyatta Avenue", "Jogoo Road", "Thika Road", "Oginga Odinga Street",
        "Digo Road", "Nyerere Avenue", "Kakamega Road", "Biashara Street",
    ]

    static let ugandanStreets = [
        "Kampala Road", "Jinja Road", "Entebbe Road", "Bombo Road", "Gulu Avenue", "Acholi Road",
        "Luwum Street", "Nkrumah Road", "Kira Road", "Ntinda Road",
    ]

    static let emailDomains = ["gmail.com", "yahoo.com", "outlook.com", "example.co.ke", "example.co.ug"]

    static let kycRejections = [
        "ID photo unreadable", "Name does not match the ID document", "ID number not found in the registry",
        "Document expired", "Selfie does not match the ID photo",
    ]

    static let products = ["standard", "standard", "standard", "business", "school_fees", "agri", "emergency"]

    /// Why a non-cash payment failed, by method.
    static let mobileMoneyFailures = ["Insufficient funds", "Transaction timed out", "Subscriber cancelled the request"]
    static let bankFailures = ["Account not found", "Insufficient funds", "Bank declined the transfer"]
    static let cardFailures = ["Card declined", "Insufficient funds", "Card expired"]

    /// `text` with its diacritics removed and everything but letters dropped, lowercased.
    static func asciiFold(_ text: String) -> String {
        let decomposed = text.decomposedStringWithCanonicalMapping.lowercased()
        return String(String.UnicodeScalarView(decomposed.unicodeScalars.filter {
            $0.isASCII && $0.properties.isAlphabetic
        }))
    }
}
