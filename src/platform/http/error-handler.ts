import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError, type ErrorCode, type FieldProblem } from '../errors.js';
import { databaseBusyRetryAfterSeconds, toDatabaseBusyError } from './database-busy.js';
import { isUnderPath, routedPathOf } from './request-path.js';

/** Renders a whole HTML error page for readers; supplied by the site. */
export type HtmlErrorPage = (error: AppError, request: FastifyRequest) => string | Promise<string>;

function wantsJson(request: FastifyRequest): boolean {
  if (isUnderPath(routedPathOf(request), '/api')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function fieldsFromValidation(error: FastifyError): FieldProblem[] {
  return (error.validation ?? []).map((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing =
      typeof issue.params.missingProperty === 'string' ? issue.params.missingProperty : null;
    const field = [error.validationContext, base, missing].filter((part) => part).join('.');
    return { field: field || 'body', message: issue.message ?? 'is not valid' };
  });
}

interface ClientError {
  readonly code: ErrorCode;
  readonly message: string;
}

const badRequest: ClientError = { code: 'bad_request', message: 'The request could not be read.' };

/** What a client did wrong, by HTTP status, for errors raised by Fastify and its plugins. */
const clientErrors: Readonly<Record<number, ClientError>> = {
  400: badRequest,
  401: { code: 'unauthenticated', message: 'Sign in to continue.' },
  403: { code: 'forbidden', message: 'This address may not be read.' },
  404: { code: 'not_found', message: 'This page was not found.' },
  405: { code: 'method_not_allowed', message: 'This address does not accept that method.' },
  406: { code: 'not_acceptable', message: 'The request was not in a form this address accepts.' },
  413: { code: 'payload_too_large', message: 'That upload is too large.' },
  414: { code: 'uri_too_long', message: 'That address is too long.' },
  415: { code: 'unsupported_media_type', message: 'That content type is not accepted here.' },
  416: {
    code: 'range_not_satisfiable',
    message: 'The requested range is outside the file. Ask for the whole file instead.',
  },
  429: { code: 'rate_limited', message: 'Too many requests. Please wait a minute and try again.' },
};

/**
 * The multipart parser (busboy) reports a malformed body with a plain Error of fixed text
 * and no status; these texts are its documented errors.
 */
const malformedMultipart =
  /^(Multipart: Boundary not found|Boundary required|Missing Content-Type-header\.|Unsupported Content-Type\.|(Unexpected end|(Part|File) terminated early due to unexpected end) of multipart data)$/;

/** The HTTP status an error from Fastify or a plugin carries, if it says it has one. */
function statusOf(error: Partial<FastifyError> & { status?: unknown }): number | null {
  const status = error.statusCode ?? error.status;
  return typeof status === 'number' && Number.isInteger(status) ? status : null;
}

/**
 * Turns anything thrown into the error contract: an AppError with a stable code. This is
 * the one place where a client's mistake becomes its 4xx: Fastify's and its plugins'
 * errors (body parsing, static files, ranges, rate limits, multipart) keep their 4xx
 * status; only what is really our fault becomes a 500.
 */
export function toAppError(error: unknown): AppError {
  const busy = toDatabaseBusyError(error);
  if (busy !== null) return busy;
  if (isAppError(error)) return error;
  const fastifyError = error as Partial<FastifyError> & { status?: unknown };
  if (fastifyError.validation !== undefined) {
    const fields = fieldsFromValidation(fastifyError as FastifyError);
    const names = fields.map((f) => f.field).join(', ');
    return new AppError('validation_failed', `Please check these fields: ${names}.`, fields);
  }
  const status = statusOf(fastifyError);
  if (status !== null && status >= 400 && status < 500) {
    // Any other 4xx is the client's mistake too; 400 is the nearest the catalogue knows.
    const known = clientErrors[status] ?? badRequest;
    // Fastify's own 400s say what was wrong with the body ("Unexpected end of JSON input").
    const message =
      status === 400 && fastifyError.code?.startsWith('FST_') === true && fastifyError.message
        ? fastifyError.message
        : known.message;
    return new AppError(known.code, message, [], { cause: error });
  }
  if (error instanceof Error && malformedMultipart.test(error.message)) {
    return new AppError(
      'bad_request',
      'The upload could not be read: it is not a complete multipart form. Try again.',
      [],
      { cause: error },
    );
  }
  return new AppError('internal', 'Something went wrong on our side. Please try again.', [], {
    cause: error,
  });
}

/** Headers a client error must carry to be understood, e.g. `Content-Range` with a 416. */
function headersOf(error: unknown): Record<string, string> {
  const headers = (error as { headers?: unknown } | null)?.headers;
  if (typeof headers !== 'object' || headers === null) return {};
  const range = (headers as Record<string, unknown>)['Content-Range'];
  return typeof range === 'string' ? { 'content-range': range } : {};
}

export function registerErrorHandler(app: FastifyInstance, htmlPage: HtmlErrorPage): void {
  const send = async (
    error: AppError,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    reply.status(error.status);
    if (error.status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
    if (error.code === 'database_busy') {
      reply.header('retry-after', String(databaseBusyRetryAfterSeconds));
    }
    if (wantsJson(request)) {
      return reply.send({
        error: { code: error.code, message: error.message, fields: error.fields },
      });
    }
    let html: string;
    try {
      html = await htmlPage(error, request);
    } catch (pageError) {
      request.log.error({ err: pageError }, 'error page failed');
      html = `<!doctype html><title>Error</title><h1>${error.status}</h1>`;
    }
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  };

  app.setErrorHandler((raw, request, reply) => {
    const error = toAppError(raw);
    if (error.status < 500) reply.headers(headersOf(raw));
    if (error.code === 'database_busy') request.log.warn({ err: raw }, 'database busy');
    else if (error.status >= 500) request.log.error({ err: raw }, 'request failed');
    return send(error, request, reply);
  });
  app.setNotFoundHandler((request, reply) =>
    send(new AppError('not_found', 'This page was not found.'), request, reply),
  );
}
