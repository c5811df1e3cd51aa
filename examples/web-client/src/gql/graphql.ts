/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a group combines its filters. */
export type ContactFilterGroup =
  /** Every filter of the group holds. */
  | 'AND'
  /** At least one filter of the group holds. */
  | 'OR';

/**
 * One condition of a contact search, or a group of conditions. A condition sets `field` and `operator`
 * and the one value the operator takes (none for `EXISTS` and `NOT_EXISTS`); a group sets `group` and
 * `filters` and nothing else. Groups nest at most 3 deep, and a search holds at most 50 conditions. Text
 * values are at most 75 characters.
 */
export type ContactFilterInput = {
  /** The boolean of `EQ` and `NOT_EQ` on `DND` (or a custom field). */
  boolean?: boolean | null | undefined;
  /** With `field: CUSTOM_FIELD`: the custom field's id (1 to 64 characters of `A-Z a-z 0-9 _ -`). */
  customFieldId?: string | null | undefined;
  /** The bounds of `RANGE` on `DATE_ADDED`, `DATE_UPDATED` (or a custom field). */
  dateRange?: DateTimeRangeInput | null | undefined;
  /** The field a condition tests. */
  field?: ContactSearchField | null | undefined;
  /** The filters of a group: 1 to 50. */
  filters?: Array<ContactFilterInput> | null | undefined;
  /** Makes this filter a group: its `filters` combined with `AND` or `OR`. */
  group?: ContactFilterGroup | null | undefined;
  /** The number of `EQ` and `NOT_EQ` on a custom field. */
  number?: number | null | undefined;
  /** The bounds of `RANGE` on a custom field. */
  numberRange?: NumberRangeInput | null | undefined;
  /** How the condition compares the field. */
  operator?: ContactFilterOperator | null | undefined;
  /** The text of `EQ`, `NOT_EQ`, `CONTAINS` and `NOT_CONTAINS` on a text field (or a custom field). */
  text?: string | null | undefined;
  /** The tags of `CONTAINS` and `NOT_CONTAINS` on `TAGS`: 1 to 100. */
  values?: Array<string> | null | undefined;
};

/** How a condition compares its field. */
export type ContactFilterOperator =
  /** Contains `text` (letters, digits and spaces only), or for `TAGS` any of `values`. */
  | 'CONTAINS'
  /** Equal to the value (`text`, `number` or `boolean`). */
  | 'EQ'
  /** The field has a value. Takes no value. */
  | 'EXISTS'
  /** Does not contain `text`, or for `TAGS` none of `values`. */
  | 'NOT_CONTAINS'
  /** Not equal to the value (`text`, `number` or `boolean`). */
  | 'NOT_EQ'
  /** The field has no value. Takes no value. */
  | 'NOT_EXISTS'
  /** Within `dateRange` (date fields) or `numberRange` (custom fields). */
  | 'RANGE';

/**
 * A contact field a search can test. Text fields compare as HighLevel stores them; `FIRST_NAME` and
 * `LAST_NAME` compare without case (HighLevel's lower-case copies).
 */
export type ContactSearchField =
  /** Id of the user the contact is assigned to. */
  | 'ASSIGNED_TO'
  /** Id of the business the contact belongs to. */
  | 'BUSINESS_ID'
  /** City. */
  | 'CITY'
  /** Company name. */
  | 'COMPANY_NAME'
  /** Country code, e.g. `US`. */
  | 'COUNTRY'
  /** A custom field, named by `customFieldId`; its value may be text, a number or a boolean. */
  | 'CUSTOM_FIELD'
  /** When the contact was added: `RANGE` with `dateRange`. */
  | 'DATE_ADDED'
  /** When the contact was last updated: `RANGE` with `dateRange`. */
  | 'DATE_UPDATED'
  /** Do Not Disturb on all channels: a boolean. */
  | 'DND'
  /** Email address. */
  | 'EMAIL'
  /** First name, without case. */
  | 'FIRST_NAME'
  /** Last name, without case. */
  | 'LAST_NAME'
  /** Phone number. */
  | 'PHONE'
  /** Postal code. */
  | 'POSTAL_CODE'
  /** Where the contact came from. */
  | 'SOURCE'
  /** State or region. */
  | 'STATE'
  /** Tags: `CONTAINS` and `NOT_CONTAINS` take a list (`values`). */
  | 'TAGS';

/** A field search results can be ordered by. */
export type ContactSortField =
  /** City. */
  | 'CITY'
  /** Company name. */
  | 'COMPANY_NAME'
  /** Country code. */
  | 'COUNTRY'
  /** When the contact was added. */
  | 'DATE_ADDED'
  /** When the contact was last updated. */
  | 'DATE_UPDATED'
  /** Email address. */
  | 'EMAIL'
  /** First name, without case. */
  | 'FIRST_NAME'
  /** Last name, without case. */
  | 'LAST_NAME'
  /** Postal code. */
  | 'POSTAL_CODE'
  /** Where the contact came from. */
  | 'SOURCE'
  /** State or region. */
  | 'STATE';

/** One key of a search's order; the first key orders first, the next breaks its ties. */
export type ContactSortInput = {
  /** The direction. */
  direction?: SortDirection;
  /** The field to order by. */
  field: ContactSortField;
};

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

/**
 * The fields of a new contact, in `locationId`'s location. A field that is left out is not sent to
 * HighLevel. A field set to `null` is sent as `null` where HighLevel allows it; for the fields marked
 * "not nullable", `null` is refused with a `ValidationError`.
 */
export type CreateContactInput = {
  /** Street address. */
  address1?: string | null | undefined;
  /** Id of the user to assign the contact to. Not nullable. */
  assignedTo?: string | null | undefined;
  /** City. */
  city?: string | null | undefined;
  /** Company name. */
  companyName?: string | null | undefined;
  /** Country. Not nullable. */
  country?: CountryCode | null | undefined;
  /** Custom field values. Not nullable. */
  customFields?: Array<CustomFieldInput> | null | undefined;
  /** Date of birth. */
  dateOfBirth?: string | null | undefined;
  /** Do Not Disturb on all channels. Not nullable. */
  dnd?: boolean | null | undefined;
  /** Do Not Disturb per outbound channel. Not nullable. */
  dndSettings?: DndSettingsInput | null | undefined;
  /** Email address (must be a valid address). */
  email?: string | null | undefined;
  /** First name. */
  firstName?: string | null | undefined;
  /** Gender, e.g. `male` (HighLevel does not list the values it accepts). Not nullable. */
  gender?: string | null | undefined;
  /** Do Not Disturb for inbound messages. Not nullable. */
  inboundDndSettings?: InboundDndSettingsInput | null | undefined;
  /** Last name. */
  lastName?: string | null | undefined;
  /** The location (sub-account) the contact is created in: 1 to 64 characters of `A-Z a-z 0-9 _ -`. */
  locationId: string;
  /** Full name. */
  name?: string | null | undefined;
  /** Phone number, e.g. `+1 888-888-8888`. */
  phone?: string | null | undefined;
  /** Postal code. Not nullable. */
  postalCode?: string | null | undefined;
  /** Where the contact came from, e.g. `public api`. Not nullable. */
  source?: string | null | undefined;
  /** State or region, e.g. `AL`. */
  state?: string | null | undefined;
  /** The contact's tags. Not nullable. */
  tags?: Array<string> | null | undefined;
  /** IANA time zone, e.g. `America/Chihuahua`. */
  timezone?: string | null | undefined;
  /** Website: an absolute `http` or `https` URL. */
  website?: string | null | undefined;
};

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

/** Bounds of a date range; at least one is set. */
export type DateTimeRangeInput = {
  /** After this instant. */
  gt?: string | null | undefined;
  /** At or after this instant. */
  gte?: string | null | undefined;
  /** Before this instant. */
  lt?: string | null | undefined;
  /** At or before this instant. */
  lte?: string | null | undefined;
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

/** Bounds of a number range; at least one is set. */
export type NumberRangeInput = {
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
};

/** Ascending or descending. */
export type SortDirection =
  /** Smallest (or earliest, or A) first. */
  | 'ASC'
  /** Largest (or latest, or Z) first. */
  | 'DESC';

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

/**
 * A contact to create or update in `locationId`'s location: HighLevel looks for an existing contact by
 * email and phone (in the order the location's "Allow Duplicate Contact" setting gives) and updates it,
 * or creates a new one. The fields are `CreateContactInput`'s, with the same rules for `null`, plus
 * `createNewIfDuplicateAllowed`.
 */
export type UpsertContactInput = {
  /** Street address. */
  address1?: string | null | undefined;
  /** Id of the user to assign the contact to. Not nullable. */
  assignedTo?: string | null | undefined;
  /** City. */
  city?: string | null | undefined;
  /** Company name. */
  companyName?: string | null | undefined;
  /** Country. Not nullable. */
  country?: CountryCode | null | undefined;
  /** Where the location allows duplicates: create a new contact even when one matches. Not nullable. */
  createNewIfDuplicateAllowed?: boolean | null | undefined;
  /** Custom field values. Not nullable. */
  customFields?: Array<CustomFieldInput> | null | undefined;
  /** Date of birth. */
  dateOfBirth?: string | null | undefined;
  /** Do Not Disturb on all channels. Not nullable. */
  dnd?: boolean | null | undefined;
  /** Do Not Disturb per outbound channel. Not nullable. */
  dndSettings?: DndSettingsInput | null | undefined;
  /** Email address (must be a valid address). */
  email?: string | null | undefined;
  /** First name. */
  firstName?: string | null | undefined;
  /** Gender, e.g. `male` (HighLevel does not list the values it accepts). Not nullable. */
  gender?: string | null | undefined;
  /** Do Not Disturb for inbound messages. Not nullable. */
  inboundDndSettings?: InboundDndSettingsInput | null | undefined;
  /** Last name. */
  lastName?: string | null | undefined;
  /** The location (sub-account) the contact is matched and created in: 1 to 64 characters of `A-Z a-z 0-9 _ -`. */
  locationId: string;
  /** Full name. */
  name?: string | null | undefined;
  /** Phone number, e.g. `+1 888-888-8888`. */
  phone?: string | null | undefined;
  /** Postal code. Not nullable. */
  postalCode?: string | null | undefined;
  /** Where the contact came from, e.g. `public api`. Not nullable. */
  source?: string | null | undefined;
  /** State or region, e.g. `AL`. */
  state?: string | null | undefined;
  /** The contact's tags. Not nullable. */
  tags?: Array<string> | null | undefined;
  /** IANA time zone, e.g. `America/Chihuahua`. */
  timezone?: string | null | undefined;
  /** Website: an absolute `http` or `https` URL. */
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
    | { __typename: 'UpdateContactSuccess', contact: { id: string, firstName: string | null, lastName: string | null, email: string | null, phone: string | null, tags: Array<string> | null, country: CountryCode | null, dateUpdated: string | null } }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, statusCode: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: Array<string> | null, message: string }> }
   };

export type ContactQueryVariables = Exact<{
  id: string;
}>;


export type ContactQuery = { contact:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'Contact', id: string, firstName: string | null, lastName: string | null, email: string | null, tags: Array<string> | null, assignedUser: { id: string, name: string | null } | null }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type AddContactTagsMutationVariables = Exact<{
  id: string;
  tags: Array<string> | string;
}>;


export type AddContactTagsMutation = { addContactTags:
    | { __typename: 'AddContactTagsSuccess', tags: Array<string> }
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type RemoveContactTagsMutationVariables = Exact<{
  id: string;
  tags: Array<string> | string;
}>;


export type RemoveContactTagsMutation = { removeContactTags:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'RemoveContactTagsSuccess', tags: Array<string> }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type DeleteContactMutationVariables = Exact<{
  id: string;
}>;


export type DeleteContactMutation = { deleteContact:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'DeleteContactSuccess', deletedContactId: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, statusCode: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: Array<string> | null, message: string }> }
   };

export type CreateContactMutationVariables = Exact<{
  input: CreateContactInput;
}>;


export type CreateContactMutation = { createContact:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'CreateContactSuccess', contact: { id: string, firstName: string | null, lastName: string | null, email: string | null, phone: string | null, tags: Array<string> | null } }
    | { __typename: 'DuplicateContactError', existingContactId: string, matchingField: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, statusCode: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: Array<string> | null, message: string }> }
   };

export type UpsertContactMutationVariables = Exact<{
  input: UpsertContactInput;
}>;


export type UpsertContactMutation = { upsertContact:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpsertContactSuccess', created: boolean, contact: { id: string, firstName: string | null, lastName: string | null, email: string | null, phone: string | null, tags: Array<string> | null } }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, statusCode: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: Array<string> | null, message: string }> }
   };

export type SearchContactsQueryVariables = Exact<{
  locationId: string;
  query?: string | null | undefined;
  filters?: Array<ContactFilterInput> | ContactFilterInput | null | undefined;
  sort?: Array<ContactSortInput> | ContactSortInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchContactsQuery = { contacts:
    | { __typename: 'BadRequestError', code: ErrorCode, message: string }
    | { __typename: 'ContactConnection', totalCount: number | null, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, firstName: string | null, lastName: string | null, email: string | null, phone: string | null, tags: Array<string> | null, dateAdded: string | null } }> }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string, retryAfterSeconds: number | null }
    | { __typename: 'UnauthorizedError', code: ErrorCode, message: string }
    | { __typename: 'UpstreamError', code: ErrorCode, message: string, statusCode: number | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ field: Array<string> | null, message: string }> }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const UpdateContactDocument = new TypedDocumentString(`
    mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) {
    __typename
    ... on UpdateContactSuccess {
      contact {
        id
        firstName
        lastName
        email
        phone
        tags
        country
        dateUpdated
      }
    }
    ... on DisplayableError {
      code
      message
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on UpstreamError {
      statusCode
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateContactMutation, UpdateContactMutationVariables>;
export const ContactDocument = new TypedDocumentString(`
    query Contact($id: ID!) {
  contact(id: $id) {
    __typename
    ... on Contact {
      id
      firstName
      lastName
      email
      tags
      assignedUser {
        id
        name
      }
    }
    ... on DisplayableError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ContactQuery, ContactQueryVariables>;
export const AddContactTagsDocument = new TypedDocumentString(`
    mutation AddContactTags($id: ID!, $tags: [String!]!) {
  addContactTags(id: $id, tags: $tags) {
    __typename
    ... on AddContactTagsSuccess {
      tags
    }
    ... on DisplayableError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<AddContactTagsMutation, AddContactTagsMutationVariables>;
export const RemoveContactTagsDocument = new TypedDocumentString(`
    mutation RemoveContactTags($id: ID!, $tags: [String!]!) {
  removeContactTags(id: $id, tags: $tags) {
    __typename
    ... on RemoveContactTagsSuccess {
      tags
    }
    ... on DisplayableError {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveContactTagsMutation, RemoveContactTagsMutationVariables>;
export const DeleteContactDocument = new TypedDocumentString(`
    mutation DeleteContact($id: ID!) {
  deleteContact(id: $id) {
    __typename
    ... on DeleteContactSuccess {
      deletedContactId
    }
    ... on DisplayableError {
      code
      message
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on UpstreamError {
      statusCode
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteContactMutation, DeleteContactMutationVariables>;
export const CreateContactDocument = new TypedDocumentString(`
    mutation CreateContact($input: CreateContactInput!) {
  createContact(input: $input) {
    __typename
    ... on CreateContactSuccess {
      contact {
        id
        firstName
        lastName
        email
        phone
        tags
      }
    }
    ... on DuplicateContactError {
      existingContactId
      matchingField
    }
    ... on DisplayableError {
      code
      message
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on UpstreamError {
      statusCode
    }
  }
}
    `) as unknown as TypedDocumentString<CreateContactMutation, CreateContactMutationVariables>;
export const UpsertContactDocument = new TypedDocumentString(`
    mutation UpsertContact($input: UpsertContactInput!) {
  upsertContact(input: $input) {
    __typename
    ... on UpsertContactSuccess {
      created
      contact {
        id
        firstName
        lastName
        email
        phone
        tags
      }
    }
    ... on DisplayableError {
      code
      message
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on UpstreamError {
      statusCode
    }
  }
}
    `) as unknown as TypedDocumentString<UpsertContactMutation, UpsertContactMutationVariables>;
export const SearchContactsDocument = new TypedDocumentString(`
    query SearchContacts($locationId: ID!, $query: String, $filters: [ContactFilterInput!], $sort: [ContactSortInput!], $first: Int, $after: String) {
  contacts(
    locationId: $locationId
    query: $query
    filters: $filters
    sort: $sort
    first: $first
    after: $after
  ) {
    __typename
    ... on ContactConnection {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          firstName
          lastName
          email
          phone
          tags
          dateAdded
        }
      }
    }
    ... on DisplayableError {
      code
      message
    }
    ... on ValidationError {
      issues {
        field
        message
      }
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on UpstreamError {
      statusCode
    }
  }
}
    `) as unknown as TypedDocumentString<SearchContactsQuery, SearchContactsQueryVariables>;