/** What the default CloudFront certificate (*.cloudfront.net) allows, whatever MinimumProtocolVersion says. */
export const DEFAULT_CERT_MINIMUM = 'TLSv1';
export const DEFAULT_CERT_ASSUMED = 'TLSv1 (the default CloudFront certificate allows TLSv1 whatever MinimumProtocolVersion says)';
/** With a custom certificate and no MinimumProtocolVersion, CloudFront uses TLSv1. */
export const CUSTOM_CERT_ASSUMED = 'TLSv1 (MinimumProtocolVersion not set)';
