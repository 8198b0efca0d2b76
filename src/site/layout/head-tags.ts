/** What a page says about itself to browsers, search engines and social networks. */
export interface HeadTags {
  readonly title: string;
  readonly description: string;
  readonly canonical: string;
  readonly ogType: 'website' | 'article' | 'profile';
  readonly image: {
    readonly url: string;
    readonly width: number;
    readonly height: number;
    readonly alt: string;
  } | null;
  readonly publishedTime?: string | undefined;
  readonly modifiedTime?: string | undefined;
  readonly section?: string | undefined;
  readonly jsonLd: readonly object[];
  readonly robots?: string | undefined;
}

/** JSON for a `<script>` element: `<` is escaped so no text can close the element. */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
