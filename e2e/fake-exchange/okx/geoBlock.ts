/**
 * OKX documents no body for a blocked region; the envelope below keeps the shape every OKX
 * client parses ({code,msg,data}) so the app can show the HTTP status it got.
 */
export function okxGeoBlockBody(status: number): string {
  return JSON.stringify({ code: String(status), msg: 'Service unavailable in your region due to local laws and regulations.', data: [] });
}
