"""E-invoice profiles and the guideline URNs that name them (BT-24 in EN 16931)."""

from __future__ import annotations

from enum import StrEnum


class Profile(StrEnum):
    MINIMUM = "MINIMUM"
    BASIC_WL = "BASIC WL"
    BASIC = "BASIC"
    EN16931 = "EN16931"
    EXTENDED = "EXTENDED"
    XRECHNUNG = "XRECHNUNG"


# What a Factur-X / ZUGFeRD 2.x writer puts in GuidelineSpecifiedDocumentContextParameter/ID.
GUIDELINE_IDS: dict[Profile, str] = {
    Profile.MINIMUM: "urn:factur-x.eu:1p0:minimum",
    Profile.BASIC_WL: "urn:factur-x.eu:1p0:basicwl",
    Profile.BASIC: "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
    Profile.EN16931: "urn:cen.eu:en16931:2017",
    Profile.EXTENDED: "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
    Profile.XRECHNUNG: "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
}

# The factur-x library's level names (which XSD it validates against); XRechnung CII is EN 16931 CII.
FACTURX_LEVELS: dict[Profile, str] = {
    Profile.MINIMUM: "minimum",
    Profile.BASIC_WL: "basicwl",
    Profile.BASIC: "basic",
    Profile.EN16931: "en16931",
    Profile.EXTENDED: "extended",
    Profile.XRECHNUNG: "en16931",
}


def profile_from_guideline(guideline: str | None) -> Profile | None:
    """Map a guideline URN of any generation (ZUGFeRD 1.0/2.x, Factur-X, XRechnung, Peppol) to a profile.

    ZUGFeRD 1.0 COMFORT is the ancestor of EN 16931 and is reported as such.
    """
    if not guideline:
        return None
    urn = guideline.strip().lower()
    if "xrechnung" in urn:
        return Profile.XRECHNUNG
    # The profile name is the last segment of the URN; ':' and '#' both separate segments.
    last = urn.replace("#", ":").rstrip(":").rsplit(":", 1)[-1]
    by_suffix = {
        "minimum": Profile.MINIMUM,
        "basicwl": Profile.BASIC_WL,
        "basic": Profile.BASIC,
        "comfort": Profile.EN16931,
        "en16931": Profile.EN16931,
        "extended": Profile.EXTENDED,
        "2017": Profile.EN16931,  # bare "urn:cen.eu:en16931:2017"
    }
    if last in by_suffix:
        return by_suffix[last]
    if "extended" in urn:
        return Profile.EXTENDED
    if "en16931" in urn:  # e.g. Peppol BIS Billing 3.0, compliant with EN 16931
        return Profile.EN16931
    return None
