/**
 * Is `code` an ISO 4217 currency code: three capital letters?
 *
 * That is all `Intl.NumberFormat` itself checks (ECMA-402 IsWellFormedCurrencyCode: it formats
 * `QQQ` as readily as `EUR`), so every code accepted here formats. Not checked by building a
 * NumberFormat: the first one loads ICU's number data, ~20 ms of CPU that `ccsim validate`
 * spent for nothing.
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code);
}
