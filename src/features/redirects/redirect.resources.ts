import { Type, type Static } from 'typebox';

/** The Admin API's wire shapes of redirects, shared with the CMS. */

export const RedirectResource = Type.Object({
  id: Type.String(),
  from_path: Type.String({ description: 'A path of this site, e.g. `/old-page` or `/?p=123`' }),
  to_url: Type.String({ description: 'A path of this site or a full http(s) address' }),
  status: Type.Union([Type.Literal(301), Type.Literal(302)]),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type RedirectResource = Static<typeof RedirectResource>;

export const RedirectHop = Type.Object({
  url: Type.String(),
  status: Type.Integer(),
  location: Type.Union([Type.String(), Type.Null()]),
});
export const RedirectTestResult = Type.Object({
  hops: Type.Array(RedirectHop),
  outcome: Type.Union([
    Type.Literal('page'),
    Type.Literal('not_found'),
    Type.Literal('other_site'),
    Type.Literal('error'),
  ]),
});
export type RedirectTestResult = Static<typeof RedirectTestResult>;
