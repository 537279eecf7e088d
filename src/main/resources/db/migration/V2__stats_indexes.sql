-- stats filters by time, user, channel and model, and groups by label
CREATE INDEX prediction_created_at ON prediction (created_at);
CREATE INDEX prediction_user ON prediction (user_id, created_at);
CREATE INDEX prediction_channel ON prediction (channel_id, created_at);
CREATE INDEX prediction_model ON prediction (model_id, created_at);
CREATE INDEX prediction_label ON prediction (label, probability);
