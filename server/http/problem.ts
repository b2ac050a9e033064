/** Errors the API returns as application/problem+json with a stable code and a Vietnamese message. */

export interface FieldError {
  path: string;
  message: string;
}

/** A failure the caller can act on; never carries a stack trace to the client. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu quá lớn',
  415: 'Định dạng không được hỗ trợ',
  422: 'Dữ liệu không hợp lệ',
  423: 'Đang bị khóa',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};

/** Builds the problem+json body for an error. */
export function problemBody(err: AppError, requestId?: string) {
  return {
    type: `https://hoptac.vn/problems/${err.code}`,
    title: TITLES[err.status] ?? 'Lỗi',
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.extra ?? {}),
    ...(requestId ? { requestId } : {}),
  };
}

export const notFound = (what = 'Không tìm thấy dữ liệu yêu cầu.') => new AppError(404, 'not_found', what);
export const forbidden = (what = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError(403, 'forbidden', what);
export const unauthenticated = () =>
  new AppError(
    401,
    'auth.required',
    'Phiên làm việc đã hết hạn hoặc bạn chưa đăng nhập. Vui lòng đăng nhập lại.',
  );
export const invalid = (code: string, message: string, errors?: FieldError[]) =>
  new AppError(400, code, message, errors);
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, message, undefined, extra);
