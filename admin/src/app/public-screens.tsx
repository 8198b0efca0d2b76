import { useEffect } from 'preact/hooks';
import { ForgotPasswordPage } from '../session/forgot-password-page.js';
import { InvitationPage } from '../session/invitation-page.js';
import { ResetPasswordPage } from '../session/reset-password-page.js';
import { SignInPage } from '../session/sign-in-page.js';
import { matchPath, type Location } from './router.js';

const publicPaths = ['/forgot-password', '/reset/:token', '/invite/:token'];

/** Screens that work without a session: they show even to a signed-in user. */
export function isPublicPath(path: string): boolean {
  return publicPaths.some((pattern) => matchPath(pattern, path) !== null);
}

export function PublicScreens({ location }: { readonly location: Location }) {
  const reset = matchPath('/reset/:token', location.path);
  const invite = matchPath('/invite/:token', location.path);
  const title =
    location.path === '/forgot-password'
      ? 'Forgot password'
      : reset !== null
        ? 'Choose a new password'
        : invite !== null
          ? 'Join the newsroom'
          : 'Sign in';
  useEffect(() => {
    document.title = `${title} · Masthead CMS`;
  }, [title]);

  return (
    <main class="public-screen" id="main">
      <p class="public-brand">Masthead CMS</p>
      {location.path === '/forgot-password' ? (
        <ForgotPasswordPage />
      ) : reset?.token !== undefined ? (
        <ResetPasswordPage token={reset.token} />
      ) : invite?.token !== undefined ? (
        <InvitationPage token={invite.token} />
      ) : (
        <SignInPage />
      )}
    </main>
  );
}
