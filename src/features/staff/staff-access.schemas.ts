import { Type } from 'typebox';
import { maximumPasswordLength } from './password.js';
import { staffTextLimits } from './staff-profile-input.js';
import { RoleSchema } from './staff.schemas.js';

/* The Admin API's shapes for password resets and invitations (snake_case). */

const Timestamp = Type.String({ description: 'ISO 8601 UTC' });
const Email = Type.String({ minLength: 1, maxLength: 254 });
const Password = Type.String({ maxLength: maximumPasswordLength });

export const TokenParams = Type.Object({
  token: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'The token from the e-mailed link',
  }),
});

export const InvitationIdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100 }),
});

export const PasswordResetRequestBody = Type.Object(
  { email: Email },
  { additionalProperties: false },
);

export const NewPasswordBody = Type.Object({ password: Password }, { additionalProperties: false });

export const PasswordResetResource = Type.Object({
  email: Type.String(),
  expires_at: Timestamp,
});

export const NewInvitationBody = Type.Object(
  {
    email: Email,
    role: RoleSchema,
    name: Type.Optional(Type.String({ maxLength: staffTextLimits.name })),
  },
  { additionalProperties: false },
);

export const InvitationResource = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  invited_by: Type.Object({ id: Type.String(), name: Type.String() }),
  created_at: Timestamp,
  expires_at: Timestamp,
});

export const InvitationEnvelope = Type.Object({ invitation: InvitationResource });
export const InvitationListResponse = Type.Object({ invitations: Type.Array(InvitationResource) });

export const InvitationOffer = Type.Object({
  email: Type.String(),
  role: RoleSchema,
  name: Type.String({ description: 'The name the inviter suggested, or empty' }),
});

export const AcceptInvitationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: staffTextLimits.name }),
    password: Password,
  },
  { additionalProperties: false },
);

export const Accepted = Type.Null({ description: 'Accepted; nothing to return' });
