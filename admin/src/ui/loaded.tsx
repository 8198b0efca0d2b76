import type { ComponentChildren } from 'preact';
import { toMessage } from '../api/api-client.js';
import type { Resource } from '../app/use-resource.js';
import { Notice } from './fields.js';

/** Shows a loading line, the error, or the loaded value through `children`. */
export function Loaded<T>(props: {
  readonly resource: Resource<T>;
  readonly what: string;
  readonly children: (value: T) => ComponentChildren;
}) {
  const { resource } = props;
  if (resource.state === 'loading') {
    return (
      <p class="loading" role="status">
        Loading {props.what}…
      </p>
    );
  }
  if (resource.state === 'failed') {
    return (
      <Notice kind="error">
        Could not load {props.what}. {toMessage(resource.error)}
      </Notice>
    );
  }
  return <>{props.children(resource.value)}</>;
}
