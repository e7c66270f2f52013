/** Every API call goes to the same origin (the API serves the portal), under this prefix. */
export const API = '/api/v1';
