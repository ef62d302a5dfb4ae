"""Blog models (SQLAlchemy 1.x declarative style)."""
from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, Boolean, DateTime
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import relationship, backref

Base = declarative_base()

post_tag = Table(
    "post_tag",
    Base.metadata,
    Column("post_id", Integer, ForeignKey("post.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    __tablename__ = "user"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False, unique=True)
    is_admin = Column(Boolean, default=False)

    posts = relationship("Post", backref="author", cascade="all, delete-orphan",
                         passive_deletes=True)

    def __repr__(self):
        return f"<User {self.name}>"


class Post(Base):
    __tablename__ = "post"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("user.id", ondelete="CASCADE"), nullable=False, index=True)
    title = Column(String(200), nullable=False)
    body = Column(Text)
    created = Column(DateTime)

    tags = relationship("Tag", secondary=post_tag, back_populates="posts", lazy="selectin")
    comments = relationship("Comment", backref=backref("post", lazy="joined"),
                            order_by="Comment.id")


class Tag(Base):
    __tablename__ = "tag"
    id = Column(Integer, primary_key=True)
    name = Column(String(30), nullable=False)
    posts = relationship("Post", secondary="post_tag", back_populates="tags")


class Comment(Base):
    __tablename__ = "comment"
    id = Column(Integer, primary_key=True)
    post_id = Column(Integer, ForeignKey(Post.id))
    parent_id = Column(Integer, ForeignKey("comment.id"))
    text = Column(Text, nullable=False)

    replies = relationship("Comment", backref=backref("parent", remote_side=[id]))
