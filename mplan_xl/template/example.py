"""A credible filled plan for a fictional French tea house, Maison Caracole (`mplan init --example`).

Dates are placed relative to the plan period and its commercial peaks, so any --start gives a
coherent plan. The reference date sits seven months in, so the report has history to show. The plan
is realistic, not perfect: docs/samples.md lists the findings it is meant to raise.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..peaks import black_friday, mothers_day, summer_sales_start, winter_sales_start
from .content import PlanContent, add_months, peak_rows

OBJECTIVES = (
    # id, objective, kpi, baseline, target, unit, deadline (months after start, day), owner, strategy, rationale
    ("O1", ("Augmenter de 25 % le chiffre d'affaires de la boutique en ligne",
            "Grow online shop revenue by 25%"),
     ("CA e-commerce (12 mois glissants)", "E-commerce revenue (rolling 12 months)"), 180000, 225000, "€",
     (11, 31), "Claire", ("Digitaliser la relation client", "Digitalise the customer relationship"),
     ("+18 % l'an dernier avec moins de moyens ; trafic du site en hausse de 30 %",
      "+18% last year with fewer means; site traffic up 30%")),
    ("O2", ("Atteindre 1 500 abonnés actifs à la box mensuelle de thés",
            "Reach 1,500 active subscribers to the monthly tea box"),
     ("Abonnés actifs à la box", "Active box subscribers"), 640, 1500, ("abonnés", "subscribers"),
     (11, 31), "Hugo", ("Revenus récurrents", "Recurring revenue"),
     ("Nouvelle formule moins chère et parrainage ; le marché des box croît de 12 % par an",
      "Cheaper new formula and referrals; the box market grows 12% a year")),
    ("O3", ("Développer la communauté Instagram de la marque", "Grow the brand's Instagram community"),
     ("Abonnés Instagram", "Instagram followers"), 8200, 15000, ("abonnés", "followers"), (8, 30), "Sarah",
     ("Notoriété hors de la région lyonnaise", "Awareness beyond the Lyon area"),
     ("Deux collaborations en 2026 ont apporté 1 100 abonnés ; trois sont prévues",
      "Two collaborations in 2026 brought 1,100 followers; three are planned")),
    ("O4", ("Réussir le lancement de la gamme de thés glacés en boutique et en ligne",
            "Launch the iced tea range successfully in shops and online"),
     ("Unités vendues de la gamme glacée", "Iced range units sold"), None, 12000, ("unités", "units"), (7, 31),
     "Claire", ("Désaisonnaliser les ventes", "Reduce seasonality of sales"),
     ("Test de l'été 2026 : 2 800 unités en 6 semaines dans une seule boutique",
      "Summer 2026 test: 2,800 units in 6 weeks in a single shop")),
    ("O5", ("Porter le taux de réachat à six mois de 28 % à 35 %", "Raise the six-month repeat rate from 28% to 35%"),
     ("Taux de réachat à 6 mois", "Six-month repeat purchase rate"), 28, 35, "%", (11, 31), "Hugo",
     ("Fidéliser la clientèle existante", "Retain existing customers"),
     ("Programme de fidélité et newsletter relancée ; +3 points en 2026",
      "Loyalty programme and relaunched newsletter; +3 points in 2026")),
    ("O6", ("Signer 25 comptes entreprises pour les coffrets cadeaux de fin d'année",
            "Sign 25 corporate accounts for year-end gift boxes"),
     ("Comptes B2B signés", "Corporate accounts signed"), 9, 25, ("comptes", "accounts"), (11, 15), "Karim",
     ("Développer le B2B", "Grow the B2B business"),
     ("Salon professionnel et prospection LinkedIn ; 6 comptes signés au salon 2026",
      "Trade show and LinkedIn prospecting; 6 accounts signed at the 2026 show")),
)

PERSONAS = (
    ("P1", ("Léa, jeune active urbaine", "Lea, young urban professional"), "25-34", ("Femme", "Female"),
     ("Lyon, Paris, grandes villes", "Lyon, Paris, large cities"), ("Cadre, CSP+", "Professional, upper middle"),
     ("Peu de temps ; veut des produits sains et beaux à offrir", "Short on time; wants healthy, giftable products"),
     ("Achète en ligne le soir sur mobile ; sensible aux coffrets", "Buys online in the evening on mobile; loves gift sets"),
     ("Instagram, Emailing, Site internet", "Instagram, Emailing, Website"), ("Complice, inspirant", "Friendly, inspiring"),
     ("Enquête clients sept. 2026 (412 réponses)", "Customer survey Sept. 2026 (412 answers)"), (-3, 15)),
    ("P2", ("Martine, retraitée gourmande", "Martine, food-loving retiree"), "55+", ("Femme", "Female"),
     ("Lyon et Rhône", "Lyon and Rhône"), ("Retraitée", "Retired"),
     ("Veut du conseil, de la qualité et une relation en boutique", "Wants advice, quality and an in-shop relationship"),
     ("Achète en boutique le samedi ; offre beaucoup", "Shops in store on Saturdays; gives many gifts"),
     ("Point de vente (PLV), Emailing, Facebook", "Point of sale, Emailing, Facebook"), ("Chaleureux, vouvoiement", "Warm, polite"),
     ("Fichier fidélité des boutiques", "Shop loyalty file"), (-14, 1)),
    ("P3", ("Thomas, office manager", "Thomas, office manager"), "35-44", ("Homme", "Male"),
     ("Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes"), ("Employé, assistant de direction", "Office staff"),
     ("Trouver des cadeaux d'affaires originaux, livrés à temps, facture simple",
      "Find original corporate gifts, delivered on time, simple invoicing"),
     ("Commande en volume en novembre ; compare les devis", "Orders in bulk in November; compares quotes"),
     ("LinkedIn, Salons et événements, Emailing", "LinkedIn, Trade shows and events, Emailing"), ("Professionnel, rassurant", "Professional, reassuring"),
     ("Entretiens clients B2B (12)", "B2B customer interviews (12)"), (-2, 10)),
    ("P4", ("Inès, étudiante curieuse", "Ines, curious student"), "18-24", ("Femme", "Female"),
     ("Villes étudiantes", "University towns"), ("Étudiante", "Student"),
     ("Petit budget ; veut découvrir ; attachée au bio et au local", "Small budget; likes discovering; cares about organic and local"),
     ("Découvre sur les réseaux, achète à l'unité", "Discovers on social media, buys single items"),
     "TikTok, Instagram", ("Décontracté, tutoiement", "Casual"),
     ("Étude de marché thés 2026", "2026 tea market study"), (-1, 5)),
)

WATCH = (
    # months after start (negative: before), day, type, subject, observation, stance, impact, source
    (-3, 12, "competitive", ("Kusmi Tea", "Kusmi Tea"),
     ("Lance une box mensuelle à 24,90 €", "Launches a monthly box at €24.90"), "threat", "high",
     ("Site du concurrent", "Competitor website")),
    (-2, 4, "competitive", ("Palais des Thés", "Palais des Thés"),
     ("Ouvre une boutique rue de la République à Lyon", "Opens a shop on rue de la République in Lyon"),
     "threat", "high", ("Presse locale", "Local press")),
    (-1, 20, "competitive", ("Dammann Frères", "Dammann Frères"),
     ("Coffrets B2B personnalisables dès 20 pièces", "Customisable B2B gift sets from 20 units"), "threat",
     "medium", ("Salon professionnel", "Trade show")),
    (0, 18, "commercial", ("Salon Cadeaux d'affaires Lyon", "Lyon corporate gifts fair"),
     ("Inscriptions ouvertes ; stand de 9 m² à 3 900 €", "Registration open; 9 m² stand at €3,900"),
     "opportunity", "medium", ("Organisateur", "Organiser")),
    (1, 8, "commercial", ("Clients des boutiques", "Shop customers"),
     ("Demandes répétées de thés glacés prêts à infuser", "Repeated requests for cold-brew iced teas"),
     "opportunity", "high", ("Remontées des vendeurs", "Sales staff feedback")),
    (1, 25, "commercial", ("Fournisseur d'emballages", "Packaging supplier"),
     ("+12 % sur les boîtes métal au 1er mars", "+12% on metal tins from 1 March"), "threat", "medium",
     ("Courrier fournisseur", "Supplier letter")),
    (-2, 15, "market", ("Marché du thé en France", "French tea market"),
     ("+4 % en valeur, porté par le bio et les infusions", "+4% in value, driven by organic and herbal teas"),
     "opportunity", "medium", ("Panel distributeurs", "Retail panel")),
    (2, 3, "market", ("Boissons fraîches", "Cold drinks"),
     ("Les thés glacés sans sucre progressent de 15 %", "Sugar-free iced teas grow 15%"), "opportunity",
     "high", ("Presse spécialisée", "Trade press")),
    (3, 14, "market", ("Comportements d'achat", "Buying behaviour"),
     ("Les 18-24 ans découvrent les marques sur les réseaux sociaux", "18-24s discover brands on social media"),
     "neutral", "medium", ("Étude de marché thés 2026", "2026 tea market study")),
    (-1, 10, "technology", ("Shopify", "Shopify"),
     ("Abonnements natifs dans la boutique en ligne", "Native subscriptions in the online shop"),
     "opportunity", "medium", ("Annonce éditeur", "Vendor announcement")),
    (2, 22, "technology", ("IA générative", "Generative AI"),
     ("Rédaction de fiches produits et visuels assistée", "Assisted product copy and visuals"), "opportunity",
     "low", ("Veille web", "Web watch")),
    (4, 6, "technology", ("Google Ads", "Google Ads"),
     ("Performance Max remplace les campagnes Shopping", "Performance Max replaces Shopping campaigns"),
     "neutral", "medium", ("Agence SEA", "Search agency")),
)

PESTEL = (
    ("political", ("Soutien régional au commerce de proximité", "Regional support for local shops"), "low",
     ("Candidater aux chèques commerce de la métropole", "Apply to the city's local-shop vouchers")),
    ("economic", ("Inflation alimentaire persistante, panier moyen en baisse", "Persistent food inflation, smaller baskets"),
     "high", ("Mettre en avant petits formats et abonnement", "Push small sizes and the subscription")),
    ("social", ("Recherche de bien-être et de boissons sans sucre", "Demand for wellbeing and sugar-free drinks"),
     "high", ("Gamme glacée et contenus bien-être", "Iced range and wellbeing content")),
    ("technological", ("Abonnements et paiement fractionné en ligne", "Online subscriptions and split payment"),
     "medium", ("Nouvelle box en abonnement", "New subscription box")),
    ("environmental", ("Attente forte sur le vrac et les emballages réutilisables", "Strong demand for bulk and reusable packaging"),
     "high", ("Recharges vrac en boutique", "Bulk refills in shops")),
    ("legal", ("Loi AGEC : moins d'emballages à usage unique", "AGEC law: fewer single-use packages"), "medium",
     ("Revoir les coffrets cadeaux", "Redesign the gift sets")),
    ("legal", ("Encadrement de l'influence commerciale (loi de 2023)", "Rules on influencer marketing (2023 law)"),
     "medium", ("Contrats et mentions explicites avec les influenceuses", "Contracts and clear disclosure with influencers")),
)

# Channel (French catalogue name) -> objectives, personas, past results, selected, rationale.
CHANNEL_DETAILS = {
    "Site internet": ("O1, O2, O4", "P1, P3", ("Conversion 1,9 %", "1.9% conversion"), True,
                      ("Canal de vente principal en ligne", "Main online sales channel")),
    "Emailing": ("O1, O2, O5", "P1, P2, P3", ("Ouverture 31 %, clic 4,2 %", "31% open, 4.2% click"), True,
                 ("9 000 contacts opt-in, coût faible", "9,000 opt-in contacts, low cost")),
    "Instagram": ("O3, O4", "P1, P4", ("8 200 abonnés, engagement 3,1 %", "8,200 followers, 3.1% engagement"), True,
                  ("Image de marque et communauté", "Brand image and community")),
    "Marketing d'influence": ("O3, O4", "P1, P4", ("+1 100 abonnés en 2026", "+1,100 followers in 2026"), True,
                              ("Accélère la notoriété hors région", "Speeds up awareness outside the region")),
    "SEA": ("O1, O4", "P1, P3", ("CPC 0,62 €, ROAS 4,1", "CPC €0.62, ROAS 4.1"), True,
            ("Rentable sur les requêtes de marque et saisonnières", "Profitable on brand and seasonal queries")),
    "Salons et événements": ("O6", "P3", ("Salon 2026 : 6 comptes signés", "2026 fair: 6 accounts signed"), True,
                             ("Meilleur canal B2B", "Best B2B channel")),
    "Point de vente (PLV)": ("O4, O5", "P2", ("3 boutiques, 58 % du CA", "3 shops, 58% of revenue"), True,
                             ("Conseil et dégustation", "Advice and tasting")),
    "LinkedIn": ("O6", "P3", None, True, ("Prospection des responsables RH", "Prospecting HR managers")),
    "Télévision": (None, None, None, False, ("Hors budget", "Beyond budget")),
    "TikTok": (None, None, None, False, ("À tester en 2028 pour P4", "To test in 2028 for P4")),
}

TEAM = (
    ("Claire", ("Responsable marketing", "Marketing manager"), 8, 450, False),
    ("Hugo", ("Chargé de marketing digital", "Digital marketing officer"), 14, 320, False),
    ("Sarah", ("Community manager", "Community manager"), 12, 280, False),
    ("Karim", ("Commercial B2B", "B2B sales"), 6, 380, False),
    ("Stagiaire", ("Stagiaire marketing", "Marketing intern"), 16, 60, True),
)

OVERHEADS = (
    (("Outil d'emailing", "Emailing tool"), ("Outils", "Tools"), 1440, 840),
    (("Licence Canva équipe", "Canva team licence"), ("Outils", "Tools"), 360, 360),
    (("Agence SEA : frais de gestion", "Search agency fee"), ("Agence", "Agency"), 4800, 2800),
    (("Étude de satisfaction clients", "Customer satisfaction survey"), ("Études", "Research"), 2500, None),
)


def _at(start: date, months: int, day: int) -> date:
    """The given day (clamped to the month's length) of the month `months` after the start's month."""
    first = add_months(start.replace(day=1), months)
    last = add_months(first, 1) - timedelta(days=1)
    return first.replace(day=min(day, last.day))


def _actions(start: date, end: date):
    """(action fields, schedule fields, actuals fields) per action, dated inside the period."""
    y = start.year

    def at(months: int, day: int) -> date:
        return _at(start, months, day)

    def peak_year(month: int) -> int:
        return y if date(y, month, 1) >= start.replace(day=1) else y + 1

    winter = winter_sales_start(peak_year(1))
    mothers = mothers_day(peak_year(5))
    summer = summer_sales_start(peak_year(6))
    friday = black_friday(peak_year(11))
    names = {p["name"].rsplit(" ", 1)[0]: p["name"] for p in peak_rows(start, end, "fr")}
    names_en = {p["name"].rsplit(" ", 1)[0]: p["name"] for p in peak_rows(start, end, "en")}

    def peak(fr: str, en: str):
        return (names.get(fr), names_en.get(en)) if fr in names else None

    # id, (action), (description), objective, personas, channel (fr, en), pillar, cost, revenue, effort,
    # start, end, owner, priority, status, depends, peak, actuals (cost, revenue, progress) or None
    return [
        ("A01", ("Refonte des fiches produits du site", "Product pages overhaul"),
         ("Photos, textes optimisés SEO et avis clients sur 60 fiches", "Photos, SEO copy and reviews on 60 pages"),
         "O1", "P1", ("Site internet", "Website"), "product", 4500, 18000, 12, at(0, 10), at(1, 28), "Hugo", "high",
         "done", None, None, (4800, 21000, 1)),
        ("A02", ("Campagne SEA des soldes d'hiver", "Winter sales search campaign"),
         ("Annonces sur les requêtes thé et infusion", "Ads on tea and infusion queries"), "O1", "P1",
         ("SEA", "SEA"), "promotion", 2200, 9000, 3, max(winter - timedelta(days=7), start),
         winter + timedelta(days=27),
         "Hugo", "high", "done", None, peak("Soldes d'hiver", "Winter sales"), (2050, 9800, 1)),
        ("A03", ("Newsletter mensuelle", "Monthly newsletter"),
         ("Sélection du mois, recette, offre abonnés", "Pick of the month, recipe, subscriber offer"), "O5",
         "P1, P2", ("Emailing", "Emailing"), "promotion", 1200, 14000, 12, at(0, 15), at(11, 15), "Sarah",
         "medium", "in_progress", None, None, (700, 7900, 0.6)),
        ("A04", ("Coffrets Saint-Valentin", "Valentine's gift sets"),
         ("Coffret duo thé et tasses, vitrine et boutique en ligne", "Tea-and-cups duo set, window and online"),
         "O1", "P1", ("Site internet", "Website"), "product", 1800, 7500, 5, at(0, 20), at(1, 14), "Claire",
         "high", "done", None, peak("Saint-Valentin", "Valentine's Day"), (1650, 8200, 1)),
        ("A05", ("Lancement de la box « Découverte »", "Launch of the 'Discovery' box"),
         ("Formule à 19,90 € par mois, premier mois offert", "€19.90 a month, first month free"), "O2",
         "P1, P4", ("Site internet", "Website"), "price", 3500, 22000, 10, at(1, 1), at(2, 31), "Hugo", "high",
         "done", None, None, (3900, 15500, 1)),
        ("A06", ("Parrainage des abonnés", "Subscriber referral scheme"),
         ("Un mois offert au parrain et au filleul", "One month free for both referrer and referee"), "O2", "P1",
         ("Emailing", "Emailing"), "price", 1500, 9000, 4, at(3, 1), at(5, 30), "Hugo", "medium", "done", "A05",
         None, (1200, 6100, 1)),
        ("A07", ("Collaboration avec trois influenceuses lifestyle", "Three lifestyle influencer collaborations"),
         ("Contenus et code promo sur la box", "Content and a promo code for the box"), "O3", "P1, P4",
         ("Marketing d'influence", "Influencer marketing"), "promotion", 6000, 12000, 6, at(2, 1), at(4, 31),
         "Sarah", "high", "done", None, None, (6000, 9500, 1)),
        ("A08", ("Calendrier éditorial Instagram", "Instagram editorial calendar"),
         ("4 posts et 6 stories par semaine, reels recettes", "4 posts and 6 stories a week, recipe reels"),
         "O3", "P1, P4", ("Instagram", "Instagram"), "promotion", 900, None, 30, at(0, 5), at(11, 20), "Sarah",
         "high", "in_progress", None, None, (520, None, 0.6)),
        ("A09", ("Jeu concours Instagram fête des mères", "Mother's Day Instagram contest"),
         ("Un coffret à gagner, mécanique de partage", "A gift set to win, share mechanism"), "O3", "P1",
         ("Instagram", "Instagram"), "promotion", 600, 2000, 3, mothers - timedelta(days=21), mothers, "Sarah",
         "medium", "done", None, peak("Fête des mères", "Mother's Day"), (450, 1500, 1)),
        ("A10", ("Coffrets fête des mères en boutique", "Mother's Day gift sets in shops"),
         ("PLV, vitrine et coffrets personnalisés", "Displays, window and personalised sets"), "O1", "P2",
         ("Point de vente (PLV)", "Point of sale"), "product", 2400, 9500, 6, mothers - timedelta(days=30),
         mothers, "Claire", "high", "done", None, peak("Fête des mères", "Mother's Day"), (2300, 10400, 1)),
        ("A11", ("Lancement de la gamme de thés glacés", "Iced tea range launch"),
         ("Recettes, packaging, dégustations en boutique", "Recipes, packaging, in-shop tastings"), "O4",
         "P1, P2, P4", ("Point de vente (PLV)", "Point of sale"), "product", 5500, 24000, 15, at(3, 15),
         at(5, 15), "Claire", "high", "done", None, None, (6400, 17800, 1)),
        ("A12", ("Dégustations estivales en boutique", "Summer tastings in shops"),
         ("Samedis dégustation de thés glacés", "Iced tea tasting Saturdays"), "O4", "P2",
         ("Point de vente (PLV)", "Point of sale"), "promotion", 1200, 6000, 8, at(5, 16), at(7, 31), "Claire",
         "medium", "in_progress", "A11", None, (500, 2200, 0.4)),
        ("A13", ("Campagne SEA thés glacés", "Iced tea search campaign"),
         ("Annonces saisonnières sur la gamme glacée", "Seasonal ads for the iced range"), "O4", "P1",
         ("SEA", "SEA"), "promotion", 2500, 8000, 2, at(5, 16), at(7, 15), "Hugo", "medium", "in_progress", "A11",
         None, (1300, 4100, 0.6)),
        ("A14", ("Publicité Facebook ciblée seniors", "Facebook ads aimed at seniors"),
         ("Ciblage 55 ans et plus, région lyonnaise", "Targeting 55+ in the Lyon area"), "O5", "P2",
         ("Facebook", "Facebook"), "promotion", 1500, 4000, 2, at(8, 1), at(9, 31), "Hugo", "low", "todo", None,
         None, None),
        ("A15", ("Programme de fidélité en boutique", "In-shop loyalty programme"),
         ("Carte à points dématérialisée", "Digital points card"), "O5", "P2",
         ("Point de vente (PLV)", "Point of sale"), "price", 3000, 10000, 10, at(5, 1), at(6, 31), "Claire",
         "high", "in_progress", None, None, (2100, 4500, 0.7)),
        ("A16", ("Salon Cadeaux d'affaires de Lyon", "Lyon corporate gifts fair"),
         ("Stand de 9 m², catalogue B2B, rendez-vous qualifiés", "9 m² stand, B2B catalogue, qualified meetings"),
         "O6", "P3", ("Salons et événements", "Trade shows and events"), "promotion", 4200, 15000, 8, at(9, 5),
         at(9, 7), "Karim", "high", "todo", "A18", None, None),
        ("A17", ("Prospection LinkedIn des responsables RH", "LinkedIn prospecting of HR managers"),
         ("Séquences de messages et publications", "Message sequences and posts"), "O6", "P3",
         ("LinkedIn", "LinkedIn"), "promotion", 800, 8000, 10, at(2, 1), at(10, 30), "Karim", "medium",
         "in_progress", None, None, (350, 4000, 0.5)),
        ("A18", ("Catalogue B2B des coffrets de fin d'année", "B2B catalogue of year-end gift sets"),
         ("Catalogue PDF et page dédiée", "PDF catalogue and landing page"), "O6", "P3",
         ("Site internet", "Website"), "product", 2000, 6000, 6, at(6, 1), at(8, 15), "Hugo", "high",
         "in_progress", None, None, (900, None, 0.4)),
        ("A19", ("Emailing de rentrée", "Back-to-school emailing"),
         ("Sélection « rentrée sereine »", "'Calm comeback' selection"), "O1", "P1", ("Emailing", "Emailing"),
         "promotion", 400, 5000, 2, at(7, 14), at(8, 10), "Sarah", "medium", "todo", None,
         peak("Rentrée", "Back to school"), None),
        ("A20", ("Soldes d'été de la boutique en ligne", "Online summer sales"),
         ("Page soldes, bannières et emailing", "Sales page, banners and emailing"), "O1", "P1, P2",
         ("Site internet", "Website"), "price", 800, 11000, 4, summer, summer + timedelta(days=27), "Hugo",
         "high", "done", None, peak("Soldes d'été", "Summer sales"), (780, 12600, 1)),
        ("A21", ("Opération « Green Friday »", "'Green Friday' operation"),
         ("Don à une association au lieu de remises", "A donation to a charity instead of discounts"), "O1",
         "P1, P4", ("Emailing", "Emailing"), "price", 700, 9000, 3, friday - timedelta(days=10),
         friday + timedelta(days=3), "Sarah", "medium", "todo", None, peak("Black Friday", "Black Friday"), None),
        ("A22", ("Calendrier de l'Avent des thés", "Tea advent calendar"),
         ("Produit collector de 24 thés", "Collector's set of 24 teas"), "O1", "P1, P2",
         ("Site internet", "Website"), "product", 5000, 26000, 12, at(8, 15), at(10, 30), "Claire", "high",
         "todo", None, peak("Noël", "Christmas season"), None),
        ("A23", ("Vitrines et animations de Noël", "Christmas windows and events"),
         ("Décor, emballage cadeau offert, dégustations", "Decoration, free gift wrap, tastings"), "O5", "P2",
         ("Point de vente (PLV)", "Point of sale"), "promotion", 3200, 15000, 6, at(10, 20), at(11, 24),
         "Claire", "high", "todo", "A22", peak("Noël", "Christmas season"), None),
        ("A24", ("Communiqué à la presse régionale", "Regional press release"),
         ("Communiqué et dégustation pour les journalistes", "Release and a tasting for journalists"), "O4", "P2",
         ("Relations presse", "Press relations"), "promotion", 500, None, 3, at(4, 1), at(4, 31), "Claire", "low",
         "cancelled", None, None, None),
        ("A25", ("Tournage de vidéos recettes", "Recipe video shoot"),
         ("Douze reels pour Instagram", "Twelve reels for Instagram"), "O3", "P1, P4", ("Instagram", "Instagram"),
         "promotion", 1800, None, 5, at(5, 1), at(6, 15), "Sarah", "medium", "done", None, None,
         (1700, None, 1)),
        ("A26", ("Enquête de satisfaction et révision des personae", "Satisfaction survey and persona review"),
         ("Questionnaire à 400 clients", "Questionnaire to 400 customers"), "O5", "P1, P2, P3, P4",
         ("Emailing", "Emailing"), "product", 0, None, 4, at(8, 1), at(9, 15), "Stagiaire", "medium", "todo",
         None, None, None),
    ]


SWOT = (
    ("strength", ("Marque reconnue à Lyon, trois boutiques bien situées", "Well-known brand in Lyon, three well-located shops"), "A10"),
    ("strength", ("Sourcing direct auprès de producteurs, 80 % bio", "Direct sourcing from growers, 80% organic"), "A11"),
    ("strength", ("Base de 9 000 contacts clients consentants", "9,000 opted-in customer contacts"), "A03"),
    ("weakness", ("Site lent sur mobile, conversion de 1,9 %", "Slow mobile site, 1.9% conversion"), "A01"),
    ("weakness", ("Faible notoriété hors de la région", "Little awareness outside the region"), "A07"),
    ("weakness", ("Petite équipe, forte dépendance aux fêtes", "Small team, heavy reliance on holidays"), None),
    ("opportunity", ("Essor des abonnements et des box", "Growth of subscriptions and boxes"), "A05"),
    ("opportunity", ("Demande de cadeaux d'affaires responsables", "Demand for responsible corporate gifts"), "A16"),
    ("opportunity", ("Tendance des boissons fraîches sans sucre", "Trend for sugar-free cold drinks"), "A11"),
    ("threat", ("Inflation et arbitrages sur les achats plaisir", "Inflation squeezing treat purchases"), "A06"),
    ("threat", ("Concurrence des marques nationales", "Competition from national brands"), "A15"),
    ("threat", ("Hausse du coût de la publicité en ligne", "Rising cost of online advertising"), "A02"),
)

# Monthly KPI readings (end of month 0, 1, …); None = not measured that month.
MEASUREMENTS = {
    "O1": (182000, 186500, 190200, 193800, 199100, 203400, 206900),
    "O2": (660, 700, 765, 820, 868, 905, 930),
    "O3": (8400, 8900, 9600, 10400, 11300, 12200, 13300),
    "O4": (None, None, None, 0, 1800, 5200, 10400),
    "O5": (28, 28.5, 29.1, 30, 30.4, 31, 31.8),
    "O6": (9, 10, 10, 11, 12, 14, 15),
}
COMMENTS = {("O4", 4): ("Lancement de la gamme", "Range launched"), ("O1", 0): ("Effet soldes d'hiver", "Winter sales effect"),
            ("O2", 2): ("Nouvelle formule de box", "New box formula"), ("O3", 4): ("Collaborations influenceuses", "Influencer collaborations")}


MONTH_NAMES = (
    ("janvier", "January"), ("février", "February"), ("mars", "March"), ("avril", "April"), ("mai", "May"),
    ("juin", "June"), ("juillet", "July"), ("août", "August"), ("septembre", "September"),
    ("octobre", "October"), ("novembre", "November"), ("décembre", "December"),
)


def _split(total: float | None, count: int, shares: list[float] | None = None) -> list[float | None]:
    """total in count parts (by shares, else evenly), rounded to 10; the last part takes the remainder."""
    if total is None:
        return [None] * count
    shares = shares or [1 / count] * count
    parts = [round(total * share, -1) for share in shares[:-1]]
    return [*parts, total - sum(parts)]


def _invoice_of(month: str) -> str:
    return f"Facture d'{month}" if month[0] in "aeiouy" else f"Facture de {month}"


def _invoices(aid: str, first: date, last: date, status: str, actual: tuple, reference: date) -> list[dict]:
    """An action's actual cost as the dated lines a manager types: a deposit and a balance for a finished
    action, an invoice at the end of each month so far for one in progress (contract v2)."""
    cost, revenue, progress = actual
    end = min(last, reference - timedelta(days=1))
    if status == "done":
        if (end - first).days < 21:
            return [dict(date=end, action=aid, actual_cost=cost, actual_revenue=revenue, progress=progress,
                         comment=("Facture", "Invoice"))]
        costs = _split(cost, 2, [0.3, 0.7])
        return [
            dict(date=first + timedelta(days=7), action=aid, actual_cost=costs[0],
                 comment=("Acompte 30 %", "30% deposit")),
            dict(date=end, action=aid, actual_cost=costs[1], actual_revenue=revenue, progress=progress,
                 comment=("Solde", "Balance")),
        ]
    ends = []
    month = first.replace(day=1)
    while True:
        month_end = add_months(month, 1) - timedelta(days=1)
        if month_end >= reference:
            break
        ends.append(month_end)
        month = add_months(month, 1)
    ends = ends or [min(first + timedelta(days=3), end)]
    costs, revenues = _split(cost, len(ends)), _split(revenue, len(ends))
    return [
        dict(date=day, action=aid, actual_cost=c, actual_revenue=r, progress=round(progress * (i + 1) / len(ends), 2),
             comment=(_invoice_of(MONTH_NAMES[day.month - 1][0]), f"{MONTH_NAMES[day.month - 1][1]} invoice"))
        for i, (day, c, r) in enumerate(zip(ends, costs, revenues, strict=True))
    ]


def example_content(lang: str, start: date, end: date, currency: str = "EUR") -> PlanContent:
    """The Maison Caracole plan over [start, end], in lang."""
    from .content import blank_content

    content = blank_content(lang, start, end, currency)

    def at(months: int, day: int) -> date:
        return _at(start, months, day)

    content.settings.update(
        plan_name=(f"Plan marketing {start.year} – Maison Caracole", f"Marketing plan {start.year} – Maison Caracole"),
        company="Maison Caracole", plan_owner="Claire Martin", envelope=70000, gross_margin=0.62,
        reference_date=at(7, 10),
    )
    rows = content.rows
    rows["objectives"] = [
        dict(id=i, objective=o, kpi=k, baseline=b, target=tg, unit=u, deadline=at(*d), owner=w, strategy=s,
             rationale=r)
        for i, o, k, b, tg, u, d, w, s, r in OBJECTIVES
    ]
    rows["personas"] = [
        dict(id=i, name=n, age=a, gender=g, location=loc, csp=c, needs=ne, habits=h, channels=ch, tone=to,
             source=so, reviewed=at(*rv))
        for i, n, a, g, loc, c, ne, h, ch, to, so, rv in PERSONAS
    ]
    rows["watch"] = [
        dict(date=at(m, d), type=ty, subject=su, observation=ob, stance=st, impact=im, source=so)
        for m, d, ty, su, ob, st, im, so in WATCH
    ]
    rows["pestel"] = [dict(factor=f, finding=fi, impact=im, effect=ef) for f, fi, im, ef in PESTEL]
    for row in rows["channels"]:
        details = CHANNEL_DETAILS.get(row["channel"][0])
        if details:
            objectives, personas, past, selected, rationale = details
            row.update(objectives=objectives, personas=personas, past=past, selected=selected,
                       rationale=rationale)
    rows["team"] = [dict(member=m, role=r, capacity=c, day_cost=d, to_recruit=tr) for m, r, c, d, tr in TEAM]
    rows["overheads"] = [dict(item=i, category=c, planned=p, actual=a) for i, c, p, a in OVERHEADS]
    actions, schedule, actuals = [], [], []
    for (aid, name, desc, obj, pers, chan, pillar, cost, revenue, effort, first, last, owner, priority, status,
         depends, peak, actual) in _actions(start, end):
        actions.append(dict(id=aid, action=name, description=desc, objective=obj, personas=pers, channel=chan,
                            pillar=pillar, cost=cost, revenue=revenue, effort=effort))
        schedule.append(dict(action=aid, start=first, end=last, owner=owner, priority=priority, status=status,
                             depends=depends, peak=peak))
        if actual:
            actuals.extend(_invoices(aid, first, last, status, actual, at(7, 10)))
    rows["actions"], rows["schedule"], rows["actuals"] = actions, schedule, actuals
    rows["swot"] = [dict(type=ty, item=it, action=ac) for ty, it, ac in SWOT]
    measurements = []
    for month in range(7):
        for objective, values in MEASUREMENTS.items():
            if values[month] is not None:
                measurements.append(dict(date=at(month, 31), objective=objective, value=values[month],
                                         comment=COMMENTS.get((objective, month))))
    rows["measurements"] = measurements
    return content
