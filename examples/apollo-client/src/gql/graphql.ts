/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/**
 * A country, by its ISO 3166-1 alpha-2 code (the value HighLevel stores in `country`). Includes the
 * user-assigned XK (Kosovo), which CRMs including HighLevel accept.
 */
export type CountryCode =
  /** Andorra */
  | 'AD'
  /** United Arab Emirates */
  | 'AE'
  /** Afghanistan */
  | 'AF'
  /** Antigua and Barbuda */
  | 'AG'
  /** Anguilla */
  | 'AI'
  /** Albania */
  | 'AL'
  /** Armenia */
  | 'AM'
  /** Angola */
  | 'AO'
  /** Antarctica */
  | 'AQ'
  /** Argentina */
  | 'AR'
  /** American Samoa */
  | 'AS'
  /** Austria */
  | 'AT'
  /** Australia */
  | 'AU'
  /** Aruba */
  | 'AW'
  /** Åland Islands */
  | 'AX'
  /** Azerbaijan */
  | 'AZ'
  /** Bosnia and Herzegovina */
  | 'BA'
  /** Barbados */
  | 'BB'
  /** Bangladesh */
  | 'BD'
  /** Belgium */
  | 'BE'
  /** Burkina Faso */
  | 'BF'
  /** Bulgaria */
  | 'BG'
  /** Bahrain */
  | 'BH'
  /** Burundi */
  | 'BI'
  /** Benin */
  | 'BJ'
  /** Saint Barthélemy */
  | 'BL'
  /** Bermuda */
  | 'BM'
  /** Brunei Darussalam */
  | 'BN'
  /** Bolivia */
  | 'BO'
  /** Bonaire, Sint Eustatius and Saba */
  | 'BQ'
  /** Brazil */
  | 'BR'
  /** Bahamas */
  | 'BS'
  /** Bhutan */
  | 'BT'
  /** Bouvet Island */
  | 'BV'
  /** Botswana */
  | 'BW'
  /** Belarus */
  | 'BY'
  /** Belize */
  | 'BZ'
  /** Canada */
  | 'CA'
  /** Cocos (Keeling) Islands */
  | 'CC'
  /** Democratic Republic of the Congo */
  | 'CD'
  /** Central African Republic */
  | 'CF'
  /** Republic of the Congo */
  | 'CG'
  /** Switzerland */
  | 'CH'
  /** Cote d'Ivoire */
  | 'CI'
  /** Cook Islands */
  | 'CK'
  /** Chile */
  | 'CL'
  /** Cameroon */
  | 'CM'
  /** People's Republic of China */
  | 'CN'
  /** Colombia */
  | 'CO'
  /** Costa Rica */
  | 'CR'
  /** Cuba */
  | 'CU'
  /** Cape Verde */
  | 'CV'
  /** Curaçao */
  | 'CW'
  /** Christmas Island */
  | 'CX'
  /** Cyprus */
  | 'CY'
  /** Czech Republic */
  | 'CZ'
  /** Germany */
  | 'DE'
  /** Djibouti */
  | 'DJ'
  /** Denmark */
  | 'DK'
  /** Dominica */
  | 'DM'
  /** Dominican Republic */
  | 'DO'
  /** Algeria */
  | 'DZ'
  /** Ecuador */
  | 'EC'
  /** Estonia */
  | 'EE'
  /** Egypt */
  | 'EG'
  /** Western Sahara */
  | 'EH'
  /** Eritrea */
  | 'ER'
  /** Spain */
  | 'ES'
  /** Ethiopia */
  | 'ET'
  /** Finland */
  | 'FI'
  /** Fiji */
  | 'FJ'
  /** Falkland Islands (Malvinas) */
  | 'FK'
  /** Micronesia, Federated States of */
  | 'FM'
  /** Faroe Islands */
  | 'FO'
  /** France */
  | 'FR'
  /** Gabon */
  | 'GA'
  /** United Kingdom */
  | 'GB'
  /** Grenada */
  | 'GD'
  /** Georgia */
  | 'GE'
  /** French Guiana */
  | 'GF'
  /** Guernsey */
  | 'GG'
  /** Ghana */
  | 'GH'
  /** Gibraltar */
  | 'GI'
  /** Greenland */
  | 'GL'
  /** Republic of The Gambia */
  | 'GM'
  /** Guinea */
  | 'GN'
  /** Guadeloupe */
  | 'GP'
  /** Equatorial Guinea */
  | 'GQ'
  /** Greece */
  | 'GR'
  /** South Georgia and the South Sandwich Islands */
  | 'GS'
  /** Guatemala */
  | 'GT'
  /** Guam */
  | 'GU'
  /** Guinea-Bissau */
  | 'GW'
  /** Guyana */
  | 'GY'
  /** Hong Kong */
  | 'HK'
  /** Heard Island and McDonald Islands */
  | 'HM'
  /** Honduras */
  | 'HN'
  /** Croatia */
  | 'HR'
  /** Haiti */
  | 'HT'
  /** Hungary */
  | 'HU'
  /** Indonesia */
  | 'ID'
  /** Ireland */
  | 'IE'
  /** Israel */
  | 'IL'
  /** Isle of Man */
  | 'IM'
  /** India */
  | 'IN'
  /** British Indian Ocean Territory */
  | 'IO'
  /** Iraq */
  | 'IQ'
  /** Islamic Republic of Iran */
  | 'IR'
  /** Iceland */
  | 'IS'
  /** Italy */
  | 'IT'
  /** Jersey */
  | 'JE'
  /** Jamaica */
  | 'JM'
  /** Jordan */
  | 'JO'
  /** Japan */
  | 'JP'
  /** Kenya */
  | 'KE'
  /** Kyrgyzstan */
  | 'KG'
  /** Cambodia */
  | 'KH'
  /** Kiribati */
  | 'KI'
  /** Comoros */
  | 'KM'
  /** Saint Kitts and Nevis */
  | 'KN'
  /** North Korea */
  | 'KP'
  /** South Korea */
  | 'KR'
  /** Kuwait */
  | 'KW'
  /** Cayman Islands */
  | 'KY'
  /** Kazakhstan */
  | 'KZ'
  /** Lao People's Democratic Republic */
  | 'LA'
  /** Lebanon */
  | 'LB'
  /** Saint Lucia */
  | 'LC'
  /** Liechtenstein */
  | 'LI'
  /** Sri Lanka */
  | 'LK'
  /** Liberia */
  | 'LR'
  /** Lesotho */
  | 'LS'
  /** Lithuania */
  | 'LT'
  /** Luxembourg */
  | 'LU'
  /** Latvia */
  | 'LV'
  /** Libya */
  | 'LY'
  /** Morocco */
  | 'MA'
  /** Monaco */
  | 'MC'
  /** Moldova, Republic of */
  | 'MD'
  /** Montenegro */
  | 'ME'
  /** Saint Martin (French part) */
  | 'MF'
  /** Madagascar */
  | 'MG'
  /** Marshall Islands */
  | 'MH'
  /** The Republic of North Macedonia */
  | 'MK'
  /** Mali */
  | 'ML'
  /** Myanmar */
  | 'MM'
  /** Mongolia */
  | 'MN'
  /** Macao */
  | 'MO'
  /** Northern Mariana Islands */
  | 'MP'
  /** Martinique */
  | 'MQ'
  /** Mauritania */
  | 'MR'
  /** Montserrat */
  | 'MS'
  /** Malta */
  | 'MT'
  /** Mauritius */
  | 'MU'
  /** Maldives */
  | 'MV'
  /** Malawi */
  | 'MW'
  /** Mexico */
  | 'MX'
  /** Malaysia */
  | 'MY'
  /** Mozambique */
  | 'MZ'
  /** Namibia */
  | 'NA'
  /** New Caledonia */
  | 'NC'
  /** Niger */
  | 'NE'
  /** Norfolk Island */
  | 'NF'
  /** Nigeria */
  | 'NG'
  /** Nicaragua */
  | 'NI'
  /** Netherlands */
  | 'NL'
  /** Norway */
  | 'NO'
  /** Nepal */
  | 'NP'
  /** Nauru */
  | 'NR'
  /** Niue */
  | 'NU'
  /** New Zealand */
  | 'NZ'
  /** Oman */
  | 'OM'
  /** Panama */
  | 'PA'
  /** Peru */
  | 'PE'
  /** French Polynesia */
  | 'PF'
  /** Papua New Guinea */
  | 'PG'
  /** Philippines */
  | 'PH'
  /** Pakistan */
  | 'PK'
  /** Poland */
  | 'PL'
  /** Saint Pierre and Miquelon */
  | 'PM'
  /** Pitcairn */
  | 'PN'
  /** Puerto Rico */
  | 'PR'
  /** State of Palestine */
  | 'PS'
  /** Portugal */
  | 'PT'
  /** Palau */
  | 'PW'
  /** Paraguay */
  | 'PY'
  /** Qatar */
  | 'QA'
  /** Reunion */
  | 'RE'
  /** Romania */
  | 'RO'
  /** Serbia */
  | 'RS'
  /** Russian Federation */
  | 'RU'
  /** Rwanda */
  | 'RW'
  /** Saudi Arabia */
  | 'SA'
  /** Solomon Islands */
  | 'SB'
  /** Seychelles */
  | 'SC'
  /** Sudan */
  | 'SD'
  /** Sweden */
  | 'SE'
  /** Singapore */
  | 'SG'
  /** Saint Helena */
  | 'SH'
  /** Slovenia */
  | 'SI'
  /** Svalbard and Jan Mayen */
  | 'SJ'
  /** Slovakia */
  | 'SK'
  /** Sierra Leone */
  | 'SL'
  /** San Marino */
  | 'SM'
  /** Senegal */
  | 'SN'
  /** Somalia */
  | 'SO'
  /** Suriname */
  | 'SR'
  /** South Sudan */
  | 'SS'
  /** Sao Tome and Principe */
  | 'ST'
  /** El Salvador */
  | 'SV'
  /** Sint Maarten (Dutch part) */
  | 'SX'
  /** Syrian Arab Republic */
  | 'SY'
  /** Eswatini */
  | 'SZ'
  /** Turks and Caicos Islands */
  | 'TC'
  /** Chad */
  | 'TD'
  /** French Southern Territories */
  | 'TF'
  /** Togo */
  | 'TG'
  /** Thailand */
  | 'TH'
  /** Tajikistan */
  | 'TJ'
  /** Tokelau */
  | 'TK'
  /** Timor-Leste */
  | 'TL'
  /** Turkmenistan */
  | 'TM'
  /** Tunisia */
  | 'TN'
  /** Tonga */
  | 'TO'
  /** Türkiye */
  | 'TR'
  /** Trinidad and Tobago */
  | 'TT'
  /** Tuvalu */
  | 'TV'
  /** Taiwan, Province of China */
  | 'TW'
  /** United Republic of Tanzania */
  | 'TZ'
  /** Ukraine */
  | 'UA'
  /** Uganda */
  | 'UG'
  /** United States Minor Outlying Islands */
  | 'UM'
  /** United States of America */
  | 'US'
  /** Uruguay */
  | 'UY'
  /** Uzbekistan */
  | 'UZ'
  /** Holy See (Vatican City State) */
  | 'VA'
  /** Saint Vincent and the Grenadines */
  | 'VC'
  /** Venezuela */
  | 'VE'
  /** Virgin Islands, British */
  | 'VG'
  /** Virgin Islands, U.S. */
  | 'VI'
  /** Vietnam */
  | 'VN'
  /** Vanuatu */
  | 'VU'
  /** Wallis and Futuna */
  | 'WF'
  /** Samoa */
  | 'WS'
  /** Kosovo */
  | 'XK'
  /** Yemen */
  | 'YE'
  /** Mayotte */
  | 'YT'
  /** South Africa */
  | 'ZA'
  /** Zambia */
  | 'ZM'
  /** Zimbabwe */
  | 'ZW';

/** A value for one custom field, named by exactly one of `id` or `key`. */
export type CustomFieldInput = {
  /** The custom field's id, e.g. `6dvNaf7VhkQ9snc5vnjJ`. */
  id?: string | null | undefined;
  /** The custom field's key, e.g. `my_custom_field` (or `contact.my_custom_field`). */
  key?: string | null | undefined;
  /** The value, in the shape of the field's type. */
  value: CustomFieldValueInput;
};

/** A custom field value: set exactly one member, in the shape of the field's type. */
export type CustomFieldValueInput = {
  /** For numeric and monetary fields. */
  number?: number | null | undefined;
  /** For file upload fields. */
  object?: Record<string, unknown> | null | undefined;
  /** For text, large text, single select and radio fields. */
  text?: string | null | undefined;
  /** For checkbox and multi-select fields. */
  texts?: Array<string> | null | undefined;
};

/** Do Not Disturb setting of one channel. */
export type DndChannelSettingInput = {
  /** A code for why the status was set. Not nullable. */
  code?: string | null | undefined;
  /** A note on why the status was set. Not nullable. */
  message?: string | null | undefined;
  /** The status. */
  status: DndStatus;
};

/** Do Not Disturb per outbound channel. */
export type DndSettingsInput = {
  /** Phone calls. */
  call?: DndChannelSettingInput | null | undefined;
  /** Email. */
  email?: DndChannelSettingInput | null | undefined;
  /** Facebook. */
  fb?: DndChannelSettingInput | null | undefined;
  /** Google Business Messages. */
  gmb?: DndChannelSettingInput | null | undefined;
  /** SMS. */
  sms?: DndChannelSettingInput | null | undefined;
  /** WhatsApp. */
  whatsApp?: DndChannelSettingInput | null | undefined;
};

/** Do Not Disturb status of an outbound channel. */
export type DndStatus =
  /** Messages on this channel are blocked. */
  | 'ACTIVE'
  /** Messages on this channel are allowed. */
  | 'INACTIVE'
  /** Blocked permanently (e.g. the contact opted out). */
  | 'PERMANENT';

/** A machine-readable reason for a failure. Branch on this (or on `__typename`), never on `message`. */
export type ErrorCode =
  /** HighLevel answered HTTP 400. */
  | 'BAD_REQUEST'
  /** HighLevel did not create the contact: it matches an existing one, and the location allows no duplicates. */
  | 'DUPLICATE_CONTACT'
  /** The token is valid but may not access this resource (HTTP 403). */
  | 'FORBIDDEN'
  /** The gateway refused the input before calling HighLevel. */
  | 'INVALID_INPUT'
  /** HighLevel rejected the token (HTTP 401): refresh it or sign in again. */
  | 'INVALID_TOKEN'
  /** The `Authorization` header was not `Bearer <token>` with a well-formed token. Nothing was sent to HighLevel. */
  | 'MALFORMED_CREDENTIALS'
  /** The request had no `Authorization` header. Nothing was sent to HighLevel. */
  | 'MISSING_CREDENTIALS'
  /** The resource does not exist, or is not visible to this token (HTTP 404). */
  | 'NOT_FOUND'
  /** HighLevel's rate limit was reached (HTTP 429). */
  | 'RATE_LIMITED'
  /** HighLevel refused the input (HTTP 422). */
  | 'UNPROCESSABLE'
  /** HighLevel answered with a status or a body the API does not document. */
  | 'UPSTREAM_BAD_RESPONSE'
  /**
   * The gateway did not send the request: HighLevel is answering too slowly for it to finish within the
   * deadline. Nothing was changed; retry shortly.
   */
  | 'UPSTREAM_OVERLOADED'
  /** HighLevel did not answer within the gateway's deadline. */
  | 'UPSTREAM_TIMEOUT'
  /** HighLevel answered with a server error (HTTP 5xx). */
  | 'UPSTREAM_UNAVAILABLE'
  /** The gateway could not connect to HighLevel, or the connection broke. */
  | 'UPSTREAM_UNREACHABLE';

/** Do Not Disturb setting for inbound messages. */
export type InboundDndSettingInput = {
  /** A note on why the status was set. Not nullable. */
  message?: string | null | undefined;
  /** The status. */
  status: InboundDndStatus;
};

/** Do Not Disturb for inbound messages. */
export type InboundDndSettingsInput = {
  /** All inbound channels. */
  all?: InboundDndSettingInput | null | undefined;
};

/** Do Not Disturb status for inbound messages. */
export type InboundDndStatus =
  /** Inbound messages are blocked. */
  | 'ACTIVE'
  /** Inbound messages are allowed. */
  | 'INACTIVE';

/**
 * The fields of a contact to change. A field that is left out is not sent to HighLevel and keeps its value.
 * A field set to `null` is sent as `null` and clears the value, where HighLevel allows it; for the fields
 * marked "not nullable", `null` is refused with a `ValidationError`.
 */
export type UpdateContactInput = {
  /** Street address; null clears it. */
  address1?: string | null | undefined;
  /** Id of the user to assign the contact to; null unassigns it. */
  assignedTo?: string | null | undefined;
  /** City; null clears it. */
  city?: string | null | undefined;
  /** Country. Not nullable. */
  country?: CountryCode | null | undefined;
  /** Custom field values to set; fields left out are unchanged. Not nullable. */
  customFields?: Array<CustomFieldInput> | null | undefined;
  /** Date of birth; null clears it. */
  dateOfBirth?: string | null | undefined;
  /** Do Not Disturb on all channels. Not nullable. */
  dnd?: boolean | null | undefined;
  /** Do Not Disturb per outbound channel; channels left out are unchanged. Not nullable. */
  dndSettings?: DndSettingsInput | null | undefined;
  /** Email address (must be a valid address); null clears it. */
  email?: string | null | undefined;
  /** First name; null clears it. */
  firstName?: string | null | undefined;
  /** Do Not Disturb for inbound messages. Not nullable. */
  inboundDndSettings?: InboundDndSettingsInput | null | undefined;
  /** Last name; null clears it. */
  lastName?: string | null | undefined;
  /** Full name; null clears it. */
  name?: string | null | undefined;
  /** Phone number, e.g. `+1 888-888-8888`; null clears it. */
  phone?: string | null | undefined;
  /** Postal code. Not nullable. */
  postalCode?: string | null | undefined;
  /** Where the contact came from, e.g. `public api`; null clears it. */
  source?: string | null | undefined;
  /** State or region, e.g. `AL`; null clears it. */
  state?: string | null | undefined;
  /**
   * Replaces ALL tags of the contact. To add or remove single tags without overwriting, prefer the tag
   * mutations. Not nullable; `[]` removes every tag.
   */
  tags?: Array<string> | null | undefined;
  /** IANA time zone, e.g. `America/Chihuahua`; null clears it. */
  timezone?: string | null | undefined;
  /** Website: an absolute `http` or `https` URL; null clears it. */
  website?: string | null | undefined;
};

export type UpdateContactMutationVariables = Exact<{
  id: string;
  input: UpdateContactInput;
}>;


export type UpdateContactMutation = { updateContact:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpdateContactSuccess', contact: { id: string, firstName: string | null, email: string | null, city: string | null, tags: Array<string> | null, dateUpdated: string | null } }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, statusCode: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: Array<string> | null, message: string }> }
   };

export type ContactQueryVariables = Exact<{
  id: string;
}>;


export type ContactQuery = { contact:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'Contact', id: string, firstName: string | null, email: string | null, city: string | null, tags: Array<string> | null, assignedUser: { id: string, name: string | null } | null }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ContactCityFragment = { id: string, city: string | null };

export const ContactCityFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactCity"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]} as unknown as DocumentNode<ContactCityFragment, unknown>;
export const UpdateContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateContactSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"dateUpdated"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DisplayableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusCode"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateContactMutation, UpdateContactMutationVariables>;
export const ContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Contact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Contact"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"assignedUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DisplayableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}}]}}]}}]} as unknown as DocumentNode<ContactQuery, ContactQueryVariables>;