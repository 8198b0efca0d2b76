import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError, type FieldProblem } from '../errors.js';

/** Renders a whole HTML error page for readers; supplied by the site. */
export type HtmlErrorPage = (error: AppError, request: FastifyRequest) => string | Promise<string>;

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
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

/** Turns anything thrown into the error contract: an AppError with a stable code. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation !== undefined) {
    const fields = fieldsFromValidation(fastifyError as FastifyError);
    const names = fields.map((f) => f.field).join(', ');
    return new AppError('validation_failed', `Please check these fields: ${names}.`, fields);
  }
  switch (fastifyError.statusCode) {
    case 400:
      return new AppError('bad_request', fastifyError.message ?? 'The request could not be read.');
    case 404:
      return new AppError('not_found', 'This page was not found.');
    case 413:
      return new AppError('payload_too_large', 'That upload is too large.');
    case 415:
      return new AppError('unsupported_media_type', 'That content type is not accepted here.');
    case 429:
      return new AppError('rate_limited', 'Too many requests. Please wait a minute and try again.');
    default:
      return new AppError('internal', 'Something went wrong on our side. Please try again.', [], {
        cause: error,
      });
  }
}

/**
 * A last chance to answer a request that found nothing (an old link may lead somewhere);
 * returns true when it sent a reply.
 */
export type NotFoundRescue = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

export function registerErrorHandler(
  app: FastifyInstance,
  htmlPage: HtmlErrorPage,
  rescueNotFound: NotFoundRescue = () => Promise.resolve(false),
): void {
  const send = async (
    error: AppError,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    reply.status(error.status);
    if (error.status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
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

  app.setErrorHandler(async (raw, request, reply) => {
    const error = toAppError(raw);
    if (error.status >= 500) request.log.error({ err: raw }, 'request failed');
    if (error.code === 'not_found' && (await rescueNotFound(request, reply))) return reply;
    return send(error, request, reply);
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (await rescueNotFound(request, reply)) return reply;
    return send(new AppError('not_found', 'This page was not found.'), request, reply);
  });
}
