"""Sample Seller Center exports for the header sets of the markets the older samples do not cover, with their truth.

Called by ``tools/make_samples.py`` (after its own samples; same rules: the truth is built first, then rendered;
every random choice is seeded; same bytes on every run). One sample per market header set:

* seen in public code (docs/exports.md#layouts): Indonesia (Regency and City, Villages, the fee columns, Purchase
  Channel, Tokopedia Invoice Number), the Philippines (Region, Province, Municipality, Barangay; no Zipcode);
* assumed, with the one header that is evidenced: Malaysia (Post Town; the rest as the other South-East Asian
  layouts);
* assumed (no export seen): the United Kingdom and Ireland (the older US layout with House Name or Number),
  Germany, France, Italy, Spain, Mexico, Japan (the US 2025 layout), Singapore (the South-East Asian layout with
  Zipcode and no region), and Brazil in Portuguese.

Status words are each market's language (tkops/statuses.py; which are seen and which are best knowledge:
docs/exports.md#status-words); the Thai sample adds the Thai sub-status words seen in exports. Names, addresses,
phones and IDs are invented.
"""

from __future__ import annotations

from datetime import datetime

import make_samples as gen  # noqa: I001  (tools/ is on sys.path when make_samples.py runs)
from make_samples import It, Person, Shop, Spec, Style, at

EXPORTS = gen.EXPORTS

# ---------------------------------------------------------------------------------------------------------------------
# Layouts

_SEA = gen._SEA_HEAD
_SEA_TAIL = ["Payment Method", "Weight(kg)", "Product Category", "Package ID", "Seller Note", "Checked Status",
             "Checked Marked by"]
#: Indonesia, as read by a public Tokopedia/TikTok upload checker (docs/exports.md#indonesia).
ID_REGENCY_LAYOUT = [
    "Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type", "Normal or Pre-order", "SKU ID",
    "Seller SKU", "Product Name", "Variation", "Quantity", "Sku Quantity of return", "SKU Unit Original Price",
    "SKU Subtotal Before Discount", "SKU Platform Discount", "SKU Seller Discount", "SKU Subtotal After Discount",
    "Shipping Fee After Discount", "Original Shipping Fee", "Shipping Fee Seller Discount",
    "Shipping Fee Platform Discount", "Distance Shipping Fee", "Distance Fee", "Order Refund Amount",
    "Payment platform discount", "Buyer Service Fee", "Handling Fee", "Shipping Insurance", "Item Insurance",
    "Order Amount", "Created Time", "Paid Time", "RTS Time", "Shipped Time", "Delivered Time", "Cancelled Time",
    "Cancel By", "Cancel Reason", "Fulfillment Type", "Warehouse Name", "Tracking ID", "Delivery Option",
    "Shipping Provider Name", "Buyer Message", "Buyer Username", "Recipient", "Phone #", "Zipcode", "Country",
    "Province", "Regency and City", "Districts", "Villages", "Detail Address", "Additional address information",
    "Payment Method", "Weight(kg)", "Product Category", "Package ID", "Purchase Channel", "Seller Note",
    "Checked Status", "Checked Marked by", "Tokopedia Invoice Number",
]
#: The Philippines, as read by a public order-and-settlement script (docs/exports.md#philippines): no Zipcode.
PH_LAYOUT = _SEA + ["Recipient", "Phone #", "Country", "Region", "Province", "Municipality", "Barangay",
                    "Detail Address", "Additional address information"] + _SEA_TAIL
#: Malaysia: Post Town is evidenced; the rest is assumed from the other South-East Asian layouts.
MY_LAYOUT = _SEA + ["Recipient", "Phone #", "Zipcode", "Country", "State", "Post Town", "Detail Address",
                    "Additional address information"] + _SEA_TAIL
#: Singapore (assumed): a postcode, no region or town.
SG_LAYOUT = _SEA + ["Recipient", "Phone #", "Zipcode", "Country", "Detail Address",
                    "Additional address information"] + _SEA_TAIL

# ---------------------------------------------------------------------------------------------------------------------
# Status words (rendered text of the canonical statuses, per language)

STATUS_TEXT = {
    "de": {"Unpaid": "Unbezahlt", "Awaiting Shipment": "Versand ausstehend", "Awaiting Collection":
           "Abholung ausstehend", "Shipped": "Versandt", "In Transit": "Unterwegs", "Delivered": "Zugestellt",
           "Completed": "Abgeschlossen", "Cancelled": "Storniert"},
    "fr": {"Unpaid": "Non payé", "Awaiting Shipment": "En attente d'expédition", "Awaiting Collection":
           "En attente d'enlèvement", "Shipped": "Expédié", "In Transit": "En transit", "Delivered": "Livré",
           "Completed": "Terminé", "Cancelled": "Annulé"},
    "it": {"Unpaid": "Non pagato", "Awaiting Shipment": "In attesa di spedizione", "Awaiting Collection":
           "In attesa di ritiro", "Shipped": "Spedito", "In Transit": "In transito", "Delivered": "Consegnato",
           "Completed": "Completato", "Cancelled": "Annullato"},
    "es": {"Unpaid": "No pagado", "Awaiting Shipment": "Pendiente de envío", "Awaiting Collection":
           "Pendiente de recogida", "Shipped": "Enviado", "In Transit": "En tránsito", "Delivered": "Entregado",
           "Completed": "Completado", "Cancelled": "Cancelado"},
    "pt": {"Unpaid": "Não pago", "Awaiting Shipment": "Aguardando envio", "Awaiting Collection": "Aguardando coleta",
           "Shipped": "Enviado", "In Transit": "Em trânsito", "Delivered": "Entregue", "Completed": "Concluído",
           "Cancelled": "Cancelado"},
    "ja": {"Unpaid": "未払い", "Awaiting Shipment": "発送待ち", "Awaiting Collection": "集荷待ち",
           "Shipped": "発送済み", "In Transit": "配送中", "Delivered": "配達済み", "Completed": "完了",
           "Cancelled": "キャンセル済み"},
    "ms": {"Unpaid": "Belum bayar", "Awaiting Shipment": "Untuk dihantar", "Awaiting Collection":
           "Menunggu pengambilan", "Shipped": "Dihantar", "In Transit": "Dalam transit",
           "Delivered": "Telah diterima", "Completed": "Selesai", "Cancelled": "Dibatalkan"},
    "id_seen": {"Unpaid": "Belum dibayar", "Awaiting Shipment": "Perlu dikirim", "Shipped": "Dikirim",
                "In Transit": "Sedang transit", "Delivered": "Terkirim", "Completed": "Selesai",
                "Cancelled": "Dibatalkan"},
    "th_sub": {"Awaiting Shipment": "ที่ต้องจัดส่ง", "Shipped": "จัดส่งแล้ว", "In Transit": "อยู่ระหว่างงานขนส่ง",
               "Completed": "เสร็จสมบูรณ์", "Cancelled": "ยกเลิกคำสั่งซื้อ"},
}
STATUS_TEXT["th_status"] = {**gen.STATUS_TEXT["th"], "In Transit": STATUS_TEXT["th_sub"]["In Transit"]}
gen.STATUS_TEXT.update(STATUS_TEXT)

# ---------------------------------------------------------------------------------------------------------------------
# Carriers, people, products and shops (invented)

gen.CARRIERS.update({
    "DHL": lambda rng: "00340434" + gen._digits(rng, 12),
    "Colissimo": lambda rng: "6A" + gen._digits(rng, 11),
    "Poste Italiane": lambda rng: "RR" + gen._digits(rng, 9) + "IT",
    "Correos": lambda rng: "PQ4F6" + gen._digits(rng, 17),
    "An Post": lambda rng: "CE" + gen._digits(rng, 9) + "IE",
    "Estafeta": lambda rng: gen._digits(rng, 22),
    "Yamato": lambda rng: gen._digits(rng, 12),
    "Ninja Van": lambda rng: "NVMY" + gen._digits(rng, 12),
    "J&T Express PH": lambda rng: "7" + gen._digits(rng, 11),
    "SingPost": lambda rng: "XZ" + gen._digits(rng, 9) + "SG",
})


def _p(country, name, user, phone, line1, city, state, zipcode, line2=None, districts=None, house=None):
    return Person(name, user, phone, country, state, city, zipcode, line1, line2, districts, house)


PEOPLE = {
    "UK": [
        _p("United Kingdom", "Oliver Bennett", "olibennett", "(+44)7700*****21", "Station Road", "Reading",
           "Berkshire", "RG1 1LG", house="14"),
        _p("United Kingdom", "Amelia Hughes", "amelia.h", "(+44)7700*****58", "Queen Street", "Cardiff",
           "South Glamorgan", "CF10 2BU", house="Flat 3, 27"),
        _p("United Kingdom", "Harry Clarke", "harryc_ldn", "(+44)7700*****09", "Camden High Street", "London",
           "Greater London", "NW1 0LT", "Flat B", house="82"),
        _p("United Kingdom", "Isla Campbell", "isla.campbell", "(+44)7700*****64", "Rose Street", "Edinburgh",
           "City of Edinburgh", "EH2 2PR", house="5"),
        _p("United Kingdom", "George Patel", "gpatel_mcr", "(+44)7700*****37", "Deansgate", "Manchester",
           "Greater Manchester", "M3 2QJ", "Apartment 12", house="110"),
    ],
    "IE": [
        _p("Ireland", "Aoife Murphy", "aoife.m", "(+353)85*****12", "Grafton Street", "Dublin 2", "Dublin",
           "D02 X285", house="21"),
        _p("Ireland", "Cian O'Connor", "cian_oc", "(+353)87*****45", "Patrick Street", "Cork", "Cork", "T12 HK2E",
           house="8"),
        _p("Ireland", "Saoirse Kelly", "saoirse.k", "(+353)83*****90", "Shop Street", "Galway", "Galway",
           "H91 E2K3", "Apartment 4", house="15"),
        _p("Ireland", "Niamh Byrne", "niamhbyrne", "(+353)86*****33", "O'Connell Street", "Limerick", "Limerick",
           "V94 T9PX", house="42"),
        _p("Ireland", "Darragh Walsh", "dwalsh", "(+353)89*****71", "The Quay", "Waterford", "Waterford",
           "X91 C8W6", house="3"),
    ],
    "DE": [
        _p("Germany", "Jürgen Weiß", "juergen.w", "(+49)151*****12", "Hauptstraße 12", "Berlin", "Berlin", "10115"),
        _p("Germany", "Anna Schäfer", "anna.schaefer", "(+49)160*****45", "Königsallee 45", "Düsseldorf",
           "Nordrhein-Westfalen", "40212"),
        _p("Germany", "Lukas Müller", "lukas_m", "(+49)170*****90", "Schloßstraße 3a", "Stuttgart",
           "Baden-Württemberg", "70174", "2. OG"),
        _p("Germany", "Sophie Bäcker", "sophie.b", "(+49)152*****33", "Mühlenweg 7", "Hamburg", "Hamburg", "20095"),
        _p("Germany", "Maximilian Groß", "max.gross", "(+49)176*****71", "Am Örtchen 19", "München", "Bayern",
           "80331"),
    ],
    "FR": [
        _p("France", "Camille Lefèvre", "camille.lf", "(+33)6*****1234", "12 rue de Rivoli", "Paris",
           "Île-de-France", "75004", "Bâtiment B"),
        _p("France", "Théo Dubois", "theo_d", "(+33)7*****5678", "8 place Bellecour", "Lyon",
           "Auvergne-Rhône-Alpes", "69002"),
        _p("France", "Léa Moreau", "lea.moreau", "(+33)6*****9012", "45 La Canebière", "Marseille",
           "Provence-Alpes-Côte d'Azur", "13001"),
        _p("France", "Hugo Laurent", "hugolaurent", "(+33)6*****3456", "3 rue Sainte-Catherine", "Bordeaux",
           "Nouvelle-Aquitaine", "33000"),
        _p("France", "Chloé Girard", "chloe.g", "(+33)7*****7890", "27 rue Nationale", "Lille", "Hauts-de-France",
           "59000"),
    ],
    "IT": [
        _p("Italy", "Giulia Rossi", "giulia.rossi", "(+39)333*****12", "Via del Corso 101", "Roma", "RM", "00186"),
        _p("Italy", "Marco Bianchi", "marco_b", "(+39)347*****45", "Corso Buenos Aires 33", "Milano", "MI", "20124",
           "Scala B"),
        _p("Italy", "Francesca Ricci", "fra.ricci", "(+39)320*****90", "Via Toledo 256", "Napoli", "NA", "80134"),
        _p("Italy", "Luca Romano", "luca.romano", "(+39)339*****33", "Via Roma 18", "Torino", "TO", "10121"),
        _p("Italy", "Sofia Colombo", "sofia.c", "(+39)348*****71", "Via dei Calzaiuoli 7", "Firenze", "FI",
           "50122"),
    ],
    "ES": [
        _p("Spain", "Lucía García", "lucia.garcia", "(+34)612*****34", "Calle de Alcalá 120", "Madrid", "Madrid",
           "28009", "3º B"),
        _p("Spain", "Pablo Fernández", "pablo_f", "(+34)655*****78", "Passeig de Gràcia 55", "Barcelona",
           "Barcelona", "08007"),
        _p("Spain", "Carmen López", "carmen.lopez", "(+34)699*****12", "Calle Sierpes 22", "Sevilla", "Sevilla",
           "41004"),
        _p("Spain", "Javier Martín", "javi.martin", "(+34)634*****56", "Calle Colón 14", "Valencia", "Valencia",
           "46004"),
        _p("Spain", "Elena Sánchez", "elena.s", "(+34)677*****90", "Gran Vía 8", "Bilbao", "Bizkaia", "48001"),
    ],
    "MX": [
        _p("Mexico", "María Hernández", "maria.hdz", "(+52)55*****1234", "Av. Insurgentes Sur 1602", "Ciudad de México",
           "Ciudad de México", "03940", "Depto 5", "Crédito Constructor"),
        _p("Mexico", "José Ramírez", "jose_rmz", "(+52)33*****5678", "Av. Chapultepec 480", "Guadalajara", "Jalisco",
           "44600", None, "Americana"),
        _p("Mexico", "Fernanda Torres", "fer.torres", "(+52)81*****9012", "Calzada del Valle 400", "San Pedro Garza García",
           "Nuevo León", "66220", None, "Del Valle"),
        _p("Mexico", "Diego Flores", "diegoflores", "(+52)222*****345", "Blvd. 5 de Mayo 2510", "Puebla", "Puebla",
           "72400", None, "Ladrillera de Benítez"),
        _p("Mexico", "Valeria Cruz", "vale.cruz", "(+52)999*****678", "Calle 60 491", "Mérida", "Yucatán", "97000",
           None, "Centro"),
    ],
    "BR": [
        _p("Brazil", "Ana Souza", "anasouza.sp", "(+55)11*******43", "Av. Paulista, 1578", "São Paulo", "São Paulo",
           "01310-200", "Apto 52"),
        _p("Brazil", "João Pereira", "joaopereira", "(+55)21*******17", "Rua Visconde de Pirajá, 330",
           "Rio de Janeiro", "Rio de Janeiro", "22410-002", "Sala 1201"),
        _p("Brazil", "Mariana Oliveira", "mari.oliveira", "(+55)31*******80", "Rua da Bahia, 1148", "Belo Horizonte",
           "Minas Gerais", "30160-011"),
        _p("Brazil", "Lucas Almeida", "lucas.almeida", "(+55)41*******26", "Rua XV de Novembro, 700", "Curitiba",
           "Paraná", "80020-310", "Casa 2"),
        _p("Brazil", "Fernanda Lima", "fe.lima", "(+55)71*******59", "Av. Sete de Setembro, 2100", "Salvador",
           "Bahia", "40080-002"),
    ],
    "JP": [
        _p("Japan", "佐藤 花子", "hanako.s", "(+81)90*****1234", "神南1-2-3", "渋谷区", "東京都", "150-0041",
           "サンプルマンション101"),
        _p("Japan", "鈴木 一郎", "ichiro_s", "(+81)80*****5678", "梅田3-1-1", "大阪市北区", "大阪府", "530-0001"),
        _p("Japan", "高橋 美咲", "misaki.t", "(+81)70*****9012", "錦3-4-5", "名古屋市中区", "愛知県", "460-0003"),
        _p("Japan", "田中 健太", "kenta.tanaka", "(+81)90*****3456", "天神2-5-10", "福岡市中央区", "福岡県",
           "810-0001", "天神ビル5F"),
        _p("Japan", "伊藤 由美", "yumi.ito", "(+81)80*****7890", "北1条西4-2", "札幌市中央区", "北海道", "060-0001"),
    ],
    "MY": [
        _p("Malaysia", "Nurul Aisyah binti Ahmad", "nurul.aisyah", "(+60)12*****345", "No. 12, Jalan Ampang",
           "Kuala Lumpur", "Wilayah Persekutuan Kuala Lumpur", "50450", "Unit 8-3"),
        _p("Malaysia", "Tan Wei Ming", "weiming.tan", "(+60)16*****789", "23, Jalan Burma", "George Town",
           "Pulau Pinang", "10050"),
        _p("Malaysia", "Muhammad Hafiz", "hafiz.m", "(+60)19*****012", "7, Jalan Wong Ah Fook", "Johor Bahru", "Johor",
           "80000"),
        _p("Malaysia", "Priya Devi", "priya.devi", "(+60)17*****456", "No. 5, Jalan SS 2/24", "Petaling Jaya",
           "Selangor", "47300"),
        _p("Malaysia", "Lim Mei Ling", "meiling.lim", "(+60)11*****890", "88, Jalan Gaya", "Kota Kinabalu", "Sabah",
           "88000"),
    ],
    "SG": [
        _p("Singapore", "Tan Jia Hui", "jiahui.tan", "(+65)9*****123", "10 Anson Road, #12-05 International Plaza",
           None, None, "079903"),
        _p("Singapore", "Muhammad Irfan", "irfan.m", "(+65)8*****456", "Blk 123 Ang Mo Kio Avenue 3, #08-120", None,
           None, "560123"),
        _p("Singapore", "Priya Nair", "priya.nair", "(+65)9*****789", "1 Raffles Place, #20-61", None, None, "048616"),
        _p("Singapore", "Lim Wei Jie", "weijie.lim", "(+65)8*****012", "Blk 456 Tampines Street 42, #03-201", None,
           None, "520456"),
        _p("Singapore", "Sarah Wong", "sarah.wong", "(+65)9*****345", "80 Marine Parade Road, #15-08", None, None,
           "449269"),
    ],
    "PH": [
        _p("Philippines", "Maria Santos", "maria.santos", "(+63)917*****12", "123 Rizal Street", "Makati City",
           "Metro Manila", None, "Unit 5B", "Poblacion"),
        _p("Philippines", "Juan dela Cruz", "juandc", "(+63)918*****45", "45 Mabini Avenue", "Quezon City",
           "Metro Manila", None, None, "Diliman"),
        _p("Philippines", "Andrea Reyes", "andrea.r", "(+63)927*****90", "78 Osmeña Boulevard", "Cebu City", "Cebu",
           None, None, "Kamputhaw"),
        _p("Philippines", "Mark Villanueva", "markv", "(+63)939*****33", "12 J.P. Laurel Avenue", "Davao City",
           "Davao del Sur", None, None, "Bajada"),
        _p("Philippines", "Kristine Garcia", "kristine.g", "(+63)945*****71", "9 Session Road", "Baguio City",
           "Benguet", None, None, "Session Road Area"),
    ],
}
PH_REGIONS = {"Metro Manila": "NCR", "Cebu": "Central Visayas", "Davao del Sur": "Davao Region",
              "Benguet": "Cordillera Administrative Region"}
ID_VILLAGES = {"Kebayoran Baru": "Senayan", "Coblong": "Dago", "Gubeng": "Airlangga", "Tembalang": "Bulusan",
               "Gedong Tengen": "Sosromenduran", "Kuta": "Legian", "Medan Petisah": "Sekip"}


def _catalogue(market: str, rows) -> dict:
    return gen.catalogue(rows, market)


CATALOGUES = {
    "UK": gen.UK_CAT,
    "IE": _catalogue("IE", [("TEE-GRN-M", "Organic Cotton Tee", "Green, M", 1800, 190, "Menswear"),
                            ("HAT-WOOL-GRY", "Aran Wool Beanie", "Grey", 2500, 90, "Accessories"),
                            ("SCARF-TWD", "Donegal Tweed Scarf", "Herringbone", 4500, 150, "Accessories")]),
    "DE": gen.DE_CAT,
    "FR": _catalogue("FR", [("TSH-MAR-M", "T-shirt marinière en coton", "Bleu marine, M", 2490, 190, "Mode homme"),
                            ("BER-NOIR", "Béret en laine", "Noir", 1990, 80, "Accessoires"),
                            ("SAC-TOILE", "Sac cabas en toile", "Naturel", 2990, 300, "Accessoires")]),
    "IT": _catalogue("IT", [("MAG-BIA-M", "Maglietta in cotone", "Bianco, M", 1990, 180, "Moda uomo"),
                            ("CIN-PEL-90", "Cintura in pelle", "Marrone, 90", 3990, 250, "Accessori"),
                            ("SCI-SETA", "Sciarpa di seta", "Blu", 4990, 100, "Accessori")]),
    "ES": _catalogue("ES", [("CAM-LIN-M", "Camisa de lino", "Blanco, M", 3495, 220, "Moda hombre"),
                            ("ALP-NAT-42", "Alpargatas de yute", "Natural, 42", 2995, 400, "Calzado"),
                            ("GOR-NEG", "Gorra de algodón", "Negro", 1495, 90, "Accesorios")]),
    "MX": _catalogue("MX", [("PLA-BAS-NEG-M", "Playera básica de algodón", "Negro, M", 19900, 180, "Ropa hombre"),
                            ("SUD-GRI-L", "Sudadera con capucha", "Gris, L", 59900, 620, "Ropa hombre"),
                            ("GOR-BEI", "Gorra de gabardina", "Beige", 24900, 90, "Accesorios")]),
    "BR": gen.BR_CAT,
    "JP": _catalogue("JP", [("TS-KURO-M", "コットンTシャツ", "ブラック, M", 290000, 180, "メンズ/トップス"),
                            ("TOTE-KINARI", "キャンバストートバッグ", "生成り", 350000, 300, "バッグ"),
                            ("CAP-NAVY", "ベースボールキャップ", "ネイビー", 250000, 90, "帽子")]),
    "MY": _catalogue("MY", [("BAJU-HTM-M", "Baju T Kapas Asas", "Hitam, M", 2990, 180, "Pakaian Lelaki"),
                            ("TUDUNG-BWL", "Tudung Bawal Premium", "Krim", 1990, 120, "Pakaian Wanita"),
                            ("BEG-KANVAS", "Beg Tote Kanvas", "Natural", 2490, 300, "Beg")]),
    "SG": _catalogue("SG", [("TEE-WHT-M", "Everyday Cotton Tee", "White, M", 1990, 180, "Menswear"),
                            ("BOTTLE-500", "Insulated Bottle 500ml", "Sage", 2490, 350, "Home"),
                            ("CAP-BLK", "Washed Cap", "Black", 1590, 90, "Accessories")]),
    "PH": _catalogue("PH", [("SHIRT-BLK-M", "Basic Cotton Shirt", "Black, M", 29900, 180, "Men's Apparel"),
                            ("SLIP-BLU-9", "Rubber Slippers", "Blue, 9", 19900, 250, "Shoes"),
                            ("FAN-MINI", "Mini Handheld Fan", "White", 34900, 200, "Home Appliances")]),
}


def _shop(market, currency, carriers, payments, fee, free, disc, option="Standard shipping"):
    return Shop(market, currency, CATALOGUES[market], f"{market} Warehouse", carriers, payments, fee, free, disc,
                delivery_option=option)


SHOPS = {
    "UK": gen.SHOPS["UK"],
    "IE": _shop("IE", "EUR", ["An Post"], ["Card", "PayPal"], 399, 3000, 100),
    "DE": _shop("DE", "EUR", ["DHL"], ["Karte", "PayPal", "Klarna"], 490, 3000, 0, "Standardversand"),
    "FR": _shop("FR", "EUR", ["Colissimo"], ["Carte bancaire", "PayPal"], 490, 3500, 0, "Livraison standard"),
    "IT": _shop("IT", "EUR", ["Poste Italiane"], ["Carta", "PayPal"], 490, 3500, 0, "Spedizione standard"),
    "ES": _shop("ES", "EUR", ["Correos"], ["Tarjeta", "PayPal", "Bizum"], 399, 3000, 0, "Envío estándar"),
    "MX": _shop("MX", "MXN", ["Estafeta", "J&T Express"], ["Tarjeta", "OXXO"], 9900, 49900, 2000, "Envío estándar"),
    "BR": gen.SHOPS["BR"],
    "JP": _shop("JP", "JPY", ["Yamato"], ["クレジットカード", "コンビニ決済"], 50000, 500000, 0, "通常配送"),
    "MY": _shop("MY", "MYR", ["Ninja Van", "J&T Express"], ["Online Banking", "COD", "Touch 'n Go eWallet"], 490,
                3000, 0, "Standard Delivery"),
    "SG": _shop("SG", "SGD", ["SingPost", "Ninja Van"], ["Card", "PayNow"], 299, 3000, 0, "Standard Delivery"),
    "PH": _shop("PH", "PHP", ["J&T Express PH", "Ninja Van"], ["COD", "GCash", "Card"], 5000, 50000, 0,
                "Standard Delivery"),
}

# ---------------------------------------------------------------------------------------------------------------------
# Rendering


def _specs(market: str, rng, t0: datetime, t1: datetime) -> list[Spec]:
    """Six orders: two of several lines (one with the same SKU on two lines), shipped, in transit, delivered,
    cancelled and one still to ship."""
    P, skus = PEOPLE[market], list(CATALOGUES[market])
    t = gen.spread(rng, t0, t1, 6)
    return [
        Spec(P[0], [It(skus[0], 2)], paid=t[0]),
        Spec(P[1], [It(skus[1], 1), It(skus[1], 1, seller_disc=100), It(skus[2], 1)], "shipped", paid=t[1]),
        Spec(P[2], [It(skus[2], 1)], "in_transit", paid=t[2]),
        Spec(P[3], [It(skus[0], 1), It(skus[2], 1)], "delivered", paid=t[3]),
        Spec(P[4], [It(skus[1], 1)], "cancelled", paid=t[4], cancel_by="Buyer", cancel_reason="No longer needed"),
        Spec(P[0], [It(skus[2], 3)], "completed", paid=t[5]),
    ]


def _extra_columns(lines: list[dict]) -> None:
    """Values of the columns build_order does not know: Region (PH), Villages (ID) and the Indonesian fees."""
    for line in lines:
        line["Region"] = PH_REGIONS.get(line["State"]) if line["Country"] == "Philippines" else None
        line["Villages"] = ID_VILLAGES.get(line["Districts"]) if line["Country"] == "Indonesia" else None
        for name in ("Distance Shipping Fee", "Distance Fee", "Buyer Service Fee", "Handling Fee",
                     "Shipping Insurance", "Item Insurance"):
            line[name] = 100000 if line["Country"] == "Indonesia" and name == "Buyer Service Fee" else (
                0 if line["Country"] == "Indonesia" else None)
        line["Purchase Channel"] = "TikTok" if line["Country"] == "Indonesia" else None
        line["Tokopedia Invoice Number"] = None
        line["Dynamic Commission"] = None


def _write(name: str, market: str, layout: list[str], style: Style, description: str, *, specs_of=None,
           shop=None, sub=None) -> None:
    rng, ids = gen.ctx(name)
    t0, t1 = at("2026-11-13 08:00:00"), at("2026-11-23 21:00:00")
    specs = specs_of(rng, t0, t1) if specs_of else _specs(market, rng, t0, t1)
    lines = gen.build_orders(shop or SHOPS[market], specs, ids, rng, at("2026-11-25 09:00:00"))
    _extra_columns(lines)
    names = gen.tiktok_names(layout)
    rows = gen.render_rows(lines, layout, names, style)
    if sub:  # sub-status words of their own (the Thai export words differ from the status words)
        at_sub = layout.index("Order Substatus")
        for row, line in zip(rows, lines):
            row[at_sub] = gen.STATUS_TEXT[sub][line["Order Substatus"]]
    path = EXPORTS / name
    head = [gen.description_row(layout, gen.DESC_EN)]
    path.write_bytes(gen.csv_bytes(layout, head + rows))
    gen.expected(path, description, {"market": market}, "tiktok_export", lines, [names[h] for h in layout],
                 skipped=len(head))


def _dmy(money, status):
    return Style(gen.fmt("%d/%m/%Y %H:%M:%S"), lambda c, r, h: money(c), status)


def _id_specs(rng, t0, t1):
    P = gen.ID_PEOPLE
    t = gen.spread(rng, t0, t1, 6)
    return [
        Spec(P[0], [It("KAOS-HTM-M", 2), It("TOPI-HTM", 1)], paid=t[0]),
        Spec(P[1], [It("KAOS-PTH-L", 1), It("KAOS-PTH-L", 1, seller_disc=500000)], "shipped", paid=t[1]),
        Spec(P[2], [It("HOODIE-ABU-L", 1)], "in_transit", paid=t[2]),
        Spec(P[3], [It("KAOSKAKI-5P", 2)], "delivered", paid=t[3]),
        Spec(P[4], [It("TOPI-HTM", 1)], "cancelled", paid=t[4], cancel_by="System",
             cancel_reason="Pengiriman paket gagal"),
        Spec(P[5], [It("HOODIE-ABU-L", 1), It("KAOS-HTM-M", 1)], "completed", paid=t[5]),
    ]


def _th_specs(rng, t0, t1):
    P = gen.TH_PEOPLE
    t = gen.spread(rng, t0, t1, 5)
    return [
        Spec(P["somsak"], [It("TSH-OVS-BLK-L", 1)], paid=t[0]),
        Spec(P["paweena"], [It("TMB-600-PNK", 1), It("TMB-600-PNK", 1, seller_disc=3000)], "in_transit", paid=t[1]),
        Spec(P["nattapon"], [It("CASE-IP15-CLR", 2), It("SCR-6PK", 1)], "completed", paid=t[2]),
        Spec(P["siriporn"], [It("BAG-CVS-BEG", 1)], "cancelled", paid=t[3], cancel_by="Buyer",
             cancel_reason="ไม่ต้องการแล้ว"),
        Spec(P["weera"], [It("HAT-BKT-BLK", 1)], "shipped", paid=t[4]),
    ]


def write_all() -> list[str]:
    """Write every market sample and its truth; the file names written."""
    money_eu = gen.money_de
    written = [
        ("uk_orders.csv", "UK", gen.US_LEGACY, gen.dmy_style(gen.money2, "en"),
         "United Kingdom (layout assumed: the older US layout, with House Name or Number), GBP, DD/MM/YYYY."),
        ("ie_orders.csv", "IE", gen.US_LEGACY, gen.dmy_style(gen.money2, "en"),
         "Ireland (layout assumed as the UK's), Eircodes, EUR with a decimal point, DD/MM/YYYY."),
        ("de_orders.csv", "DE", gen.US2025, _dmy(money_eu, "de"),
         "Germany (layout assumed: US 2025), German status words (Storniert, Versandt, Zugestellt ...), EUR with "
         "a decimal comma, DD/MM/YYYY."),
        ("fr_orders.csv", "FR", gen.US2025, _dmy(money_eu, "fr"),
         "France (layout assumed: US 2025), French status words (Annulé, Expédié, Livré ...), EUR with a decimal "
         "comma."),
        ("it_orders.csv", "IT", gen.US2025, _dmy(money_eu, "it"),
         "Italy (layout assumed: US 2025), Italian status words (Annullato, Spedito, Consegnato ...), EUR with a "
         "decimal comma."),
        ("es_orders.csv", "ES", gen.US2025, _dmy(money_eu, "es"),
         "Spain (layout assumed: US 2025), Spanish status words (Cancelado, Enviado, Entregado ...), EUR with a "
         "decimal comma."),
        ("mx_orders.csv", "MX", gen.US2025, gen.dmy_style(gen.money2, "es"),
         "Mexico (layout assumed: US 2025), Spanish status words, MXN, DD/MM/YYYY."),
        ("br_orders.csv", "BR", gen.US2025, _dmy(money_eu, "pt"),
         "Brazil (layout assumed: US 2025), Portuguese status words (Cancelado, Enviado, Entregue, Concluído ...), "
         "BRL with a decimal comma, DD/MM/YYYY."),
        ("jp_orders.csv", "JP", gen.US2025, Style(gen.fmt("%Y/%m/%d %H:%M:%S"), lambda c, r, h: gen.money0(c), "ja"),
         "Japan (layout assumed: US 2025 with the prefecture in State), Japanese status words (キャンセル済み, "
         "発送済み, 配達済み ...), JPY without decimals, YYYY/MM/DD."),
        ("my_orders.csv", "MY", MY_LAYOUT, gen.dmy_style(gen.money2, "ms"),
         "Malaysia (Post Town evidenced, the rest of the layout assumed), Malay status words (Dihantar, Dalam "
         "transit, Dibatalkan ...), MYR."),
        ("sg_orders.csv", "SG", SG_LAYOUT, gen.dmy_style(gen.money2, "en"),
         "Singapore (layout assumed: Zipcode, no state or town), English status words, SGD."),
        ("ph_orders.csv", "PH", PH_LAYOUT, Style(gen.us_ampm, lambda c, r, h: gen.money2(c), "en"),
         "Philippines (layout seen in public code: Region, Province, Municipality, Barangay, no Zipcode), PHP, "
         "MM/DD/YYYY h:mm:ss AM/PM."),
    ]
    names = []
    for name, market, layout, style, description in written:
        _write(name, market, layout, style, description)
        names.append(name)
    _write("id_regency.csv", "ID", ID_REGENCY_LAYOUT, _dmy(gen.money0, "id_seen"),
           "Indonesia, layout seen in public code (Regency and City, Villages, Distance/Buyer Service/Handling/"
           "Insurance fees, Purchase Channel, Tokopedia Invoice Number); Indonesian status words seen in exports "
           "(Dikirim, Sedang transit, Dibatalkan ...); IDR integers.", specs_of=_id_specs, shop=gen.SHOPS["ID"])
    _write("th_substatus.csv", "TH", gen.TH_LAYOUT, _dmy(gen.money0, "th_status"),
           "Thai layout as CSV with the Thai sub-status words seen in exports (อยู่ระหว่างงานขนส่ง = In Transit, "
           "ยกเลิกคำสั่งซื้อ = Cancelled) beside the Thai status words.", specs_of=_th_specs, shop=gen.SHOPS["TH"],
           sub="th_sub")
    return names + ["id_regency.csv", "th_substatus.csv"]


#: How tools/verify_samples.py reads each file (date formats of its layout).
DMY = ["%d/%m/%Y %H:%M:%S"]
PLAN = {name: dict(dates=DMY) for name in (
    "uk_orders.csv", "ie_orders.csv", "de_orders.csv", "fr_orders.csv", "it_orders.csv", "es_orders.csv",
    "mx_orders.csv", "br_orders.csv", "my_orders.csv", "sg_orders.csv", "id_regency.csv", "th_substatus.csv")}
PLAN["jp_orders.csv"] = dict(dates=["%Y/%m/%d %H:%M:%S"])
PLAN["ph_orders.csv"] = dict(dates=["%m/%d/%Y %I:%M:%S %p"])
