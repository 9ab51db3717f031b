/** The shopper's details as Ogone fields (`CN`, `EMAIL`, `OWNER*`): the hosted page and DirectLink alike. */
import type { TrustedCustomer } from '../types.js';

/** The non-empty customer fields, in Ogone's order; values not yet normalised. */
export function customerFields(customer: TrustedCustomer | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (customer === undefined) return fields;
  if (customer.name) fields['CN'] = customer.name;
  if (customer.email) fields['EMAIL'] = customer.email;
  if (customer.address) fields['OWNERADDRESS'] = customer.address;
  if (customer.zip) fields['OWNERZIP'] = customer.zip;
  if (customer.town) fields['OWNERTOWN'] = customer.town;
  if (customer.country) fields['OWNERCTY'] = customer.country.toUpperCase();
  if (customer.phone) fields['OWNERTELNO'] = customer.phone;
  return fields;
}
