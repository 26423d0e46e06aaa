"""2D-DOC reader of the harness: find, parse and verify the codes a portal prints (ANTS spec v3.2.6).

Written independently of the portal's writer (fake_anef.documents.twoddoc): the harness must be able
to judge any ANEF portal, the simulator included, by the specification alone.

    from harness.twoddoc import TrustList, scan_pdf, verify
    trust = TrustList.from_files(["trust.pem"])
    for code in scan_pdf("attestation.pdf"):
        result = verify(code.payload, trust, findings=code.notes)
        print(result.verdict, result.detail, result.findings)
"""

from .c40 import C40Error
from .parse import GS, RS, US, Field, MalformedCode, TwoDDoc, parse, unescape_payload
from .scan import ScannedCode, payloads_from_text, scan_file, scan_image, scan_pdf
from .spec import DOCUMENT_TYPES, IDENTIFIERS, DataIdentifier, DocumentType
from .verify import SPEC_TEST_CERTIFICATE, Reason, TrustedCertificate, TrustList, Verification, verify

__all__ = [
    "DOCUMENT_TYPES",
    "GS",
    "IDENTIFIERS",
    "RS",
    "SPEC_TEST_CERTIFICATE",
    "US",
    "C40Error",
    "DataIdentifier",
    "DocumentType",
    "Field",
    "MalformedCode",
    "Reason",
    "ScannedCode",
    "TrustList",
    "TrustedCertificate",
    "TwoDDoc",
    "Verification",
    "parse",
    "payloads_from_text",
    "scan_file",
    "scan_image",
    "scan_pdf",
    "unescape_payload",
    "verify",
]
