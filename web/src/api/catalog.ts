// The learning catalog: resources and browse, taxonomy, ratings and reviews,
// learning status and recommendations between people.
import type { Http } from './http';
import type {
  BrowseQuery,
  BrowseResult,
  Category,
  CategoryNode,
  DuplicateCandidate,
  LearningEntry,
  LearningState,
  LearningStatus,
  Rating,
  RatingRevision,
  RecommendInput,
  Recommendation,
  RecommendationState,
  Resource,
  ResourceInput,
  Review,
  ReviewComment,
  ReviewSort,
} from './catalog-types';
import type { Id, Items } from './types';

export function catalogApi(http: Http) {
  const res = (id: Id) => `/resources/${encodeURIComponent(String(id))}`;
  const review = (id: Id) => `/reviews/${encodeURIComponent(String(id))}`;
  return {
    browse: (query: BrowseQuery = {}) =>
      http.get<BrowseResult>('/resources', { query: { ...query } }),
    get: (id: Id) => http.get<Resource>(res(id)),
    create: (input: ResourceInput) => http.post<Resource>('/resources', { json: input }),
    update: (id: Id, input: Partial<ResourceInput>) =>
      http.patch<Resource>(res(id), { json: input }),
    remove: (id: Id) => http.delete<void>(res(id)),
    duplicates: (url: string, title: string) =>
      http.get<Items<DuplicateCandidate>>('/resources/duplicates', { query: { url, title } }),

    categories: () => http.get<Items<CategoryNode>>('/categories'),
    createCategory: (name: string, parent?: string, position?: number) =>
      http.post<Category>('/categories', { json: { name, parent, position } }),
    updateCategory: (
      slug: string,
      changes: { name?: string; parent?: string | null; position?: number },
    ) => http.patch<Category>(`/categories/${encodeURIComponent(slug)}`, { json: changes }),
    deleteCategory: (slug: string) => http.delete<void>(`/categories/${encodeURIComponent(slug)}`),

    rate: (id: Id, stars: number, reviewText: string) =>
      http.put<Rating>(`${res(id)}/rating`, { json: { stars, review: reviewText } }),
    unrate: (id: Id) => http.delete<void>(`${res(id)}/rating`),
    reviews: (id: Id, sort: ReviewSort = 'helpful', limit = 20, offset = 0) =>
      http.get<Items<Review>>(`${res(id)}/reviews`, { query: { sort, limit, offset } }),
    revisions: (reviewId: Id) => http.get<Items<RatingRevision>>(`${review(reviewId)}/revisions`),
    vote: (reviewId: Id, helpful: boolean) =>
      http.put<Rating>(`${review(reviewId)}/vote`, { json: { helpful } }),
    unvote: (reviewId: Id) => http.delete<Rating>(`${review(reviewId)}/vote`),
    comments: (reviewId: Id) => http.get<Items<ReviewComment>>(`${review(reviewId)}/comments`),
    comment: (reviewId: Id, body: string) =>
      http.post<ReviewComment>(`${review(reviewId)}/comments`, { json: { body } }),

    setStatus: (id: Id, status: LearningState, completedOn = '', evidenceUrl = '') =>
      http.put<LearningStatus>(`${res(id)}/status`, {
        json: {
          status,
          ...(completedOn ? { completed_on: completedOn } : {}),
          ...(evidenceUrl ? { evidence_url: evidenceUrl } : {}),
        },
      }),
    clearStatus: (id: Id) => http.delete<void>(`${res(id)}/status`),
    myLearning: (status?: LearningState) =>
      http.get<Items<LearningEntry>>('/me/learning', { query: { status } }),
    learningSettings: () => http.get<{ show_completions: boolean }>('/me/learning-settings'),
    setLearningSettings: (show: boolean) =>
      http.put<{ show_completions: boolean }>('/me/learning-settings', {
        json: { show_completions: show },
      }),
    completions: (handle: string) =>
      http.get<Items<LearningEntry>>(`/people/${encodeURIComponent(handle)}/completions`),

    recommend: (id: Id, input: RecommendInput) =>
      http.post<{ id: Id; resource_id: Id; note: string }>(`${res(id)}/recommendations`, {
        json: input,
      }),
    chain: (id: Id) => http.get<Items<Recommendation>>(`${res(id)}/recommendations`),
    received: (state?: RecommendationState) =>
      http.get<Items<Recommendation>>('/me/recommendations', { query: { state } }),
    act: (recId: Id, action: 'accept' | 'save' | 'dismiss') =>
      http.post<Recommendation>(
        `/me/recommendations/${encodeURIComponent(String(recId))}/${action}`,
      ),
  };
}
