from sqlalchemy import Column, Integer, ForeignKey, JSON
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    settings = Column(JSON)
    children = relationship("Child", primaryjoin="Parent.id == Child.parent_id", collection_class=set)


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))
    ghost = relationship("Ghost")


class Special(Child):
    kind = Column(Integer)


if True:
    x = 1
weird = (1 +
