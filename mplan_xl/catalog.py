"""The channel catalogue the template pre-fills on step 4: traditional and digital channels.

Each entry: (category key, French name, English name, French lever, English lever). Networks whose
audience skews young are listed in YOUTH_NETWORKS (used by rule MP403).
"""

from __future__ import annotations

CHANNELS: tuple[tuple[str, str, str, str, str], ...] = (
    ("traditional", "Télévision", "Television", "Notoriété de masse", "Mass awareness"),
    ("traditional", "Presse écrite", "Print press", "Notoriété, crédibilité", "Awareness, credibility"),
    ("traditional", "Radio", "Radio", "Notoriété locale, répétition", "Local awareness, frequency"),
    ("traditional", "Affichage", "Outdoor advertising", "Notoriété locale", "Local awareness"),
    ("traditional", "Cinéma", "Cinema", "Image de marque", "Brand image"),
    ("traditional", "Courrier et imprimés", "Direct mail and print", "Fidélisation, promotion", "Loyalty, promotion"),
    (
        "traditional",
        "Salons et événements",
        "Trade shows and events",
        "Rencontre, démonstration",
        "Meeting, demonstration",
    ),
    ("traditional", "Relations presse", "Press relations", "Crédibilité, notoriété", "Credibility, awareness"),
    ("traditional", "Sponsoring et mécénat", "Sponsorship", "Image de marque", "Brand image"),
    ("traditional", "Point de vente (PLV)", "Point of sale", "Conversion en magasin", "In-store conversion"),
    ("traditional", "Partenariats", "Partnerships", "Acquisition croisée", "Cross acquisition"),
    ("digital", "Site internet", "Website", "Conversion, information", "Conversion, information"),
    ("digital", "Emailing", "Emailing", "Fidélisation, relance", "Loyalty, reactivation"),
    ("digital", "SMS", "SMS", "Relance, promotion", "Reactivation, promotion"),
    ("digital", "SEO", "SEO", "Trafic naturel", "Organic traffic"),
    ("digital", "SEA", "SEA", "Acquisition payante", "Paid acquisition"),
    (
        "digital",
        "Publicité en ligne (display)",
        "Online display advertising",
        "Notoriété, reciblage",
        "Awareness, retargeting",
    ),
    ("digital", "Marketing de contenu (blog)", "Content marketing (blog)", "Trafic, expertise", "Traffic, expertise"),
    ("digital", "Marketing d'influence", "Influencer marketing", "Notoriété, prescription", "Awareness, endorsement"),
    ("digital", "Affiliation", "Affiliate marketing", "Acquisition à la performance", "Pay-for-performance"),
    ("digital", "Facebook", "Facebook", "Communauté, publicité ciblée", "Community, targeted ads"),
    ("digital", "Instagram", "Instagram", "Image, communauté", "Image, community"),
    ("digital", "LinkedIn", "LinkedIn", "B2B, marque employeur", "B2B, employer brand"),
    ("digital", "YouTube", "YouTube", "Vidéo, démonstration", "Video, demonstration"),
    ("digital", "TikTok", "TikTok", "Viralité, jeunes publics", "Virality, young audiences"),
    ("digital", "Snapchat", "Snapchat", "Jeunes publics", "Young audiences"),
    ("digital", "Pinterest", "Pinterest", "Inspiration, trafic", "Inspiration, traffic"),
    ("digital", "Marketplaces", "Marketplaces", "Ventes additionnelles", "Additional sales"),
)

# Networks whose audience is mostly under 35 (MP403 flags them for personas aged 55+).
YOUTH_NETWORKS = ("tiktok", "snapchat", "twitch", "bereal")
